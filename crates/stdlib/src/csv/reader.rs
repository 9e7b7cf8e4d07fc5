//! `_csv.reader` (CPython's `Reader_iternext` and `parse_process_char`): a
//! state machine fed one character at a time, each line followed by an
//! end-of-line event, yielding a list of fields per record.

use vm::builtins::list::List;
use vm::builtins::str::{new_str, StrObj};
use vm::object::{Payload, PayloadKind, PyCell, Token};
use vm::{ObjRef, PyErr, PyResult, Value, Vm};

use super::dialect::{Dialect, QUOTE_NONE, QUOTE_NONNUMERIC};
use crate::util::tname;

/// The parser's states (CPython's `ParserState`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

/// One input event: a character, or the end of a line (CPython's `EOL`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Event {
    Char(char),
    Eol,
}

/// The mutable parse state of a reader.
struct Parse {
    state: State,
    fields: Vec<Value>,
    field: String,
    field_chars: usize,
    numeric_field: bool,
    line_num: i64,
}

/// The payload of a `_csv.reader` object.
pub struct Reader {
    input: Value,
    dialect: ObjRef,
    parse: PyCell<Parse>,
}

impl Payload for Reader {
    const KIND: PayloadKind = PayloadKind::Other;
    const GC: bool = true;

    fn traverse(&self, token: &Token, visit: &mut dyn FnMut(&Value)) {
        visit(&self.input);
        visit(&Value::Obj(self.dialect.clone()));
        for f in &self.parse.borrow(token).fields {
            visit(f);
        }
    }
}

impl Reader {
    /// A reader over the iterator `input` with `dialect`.
    pub fn new(input: Value, dialect: ObjRef) -> Reader {
        Reader {
            input,
            dialect,
            parse: PyCell::new(Parse {
                state: State::StartRecord,
                fields: Vec::new(),
                field: String::new(),
                field_chars: 0,
                numeric_field: false,
                line_num: 0,
            }),
        }
    }
}

fn is_crlf(e: Event) -> bool {
    matches!(e, Event::Char('\n' | '\r'))
}

fn is(e: Event, c: Option<char>) -> bool {
    matches!((e, c), (Event::Char(a), Some(b)) if a == b)
}

/// What the state machine asks of its caller after a character.
enum Action {
    None,
    /// Save the current field.
    Save,
}

impl Parse {
    fn add_char(&mut self, c: char) -> PyResult<()> {
        let limit = super::field_limit();
        if self.field_chars as i64 >= limit {
            return Err(super::error(&format!(
                "field larger than field limit ({limit})"
            )));
        }
        self.field.push(c);
        self.field_chars += 1;
        Ok(())
    }

    /// Processes one event; returns whether the current field must be saved
    /// (the caller converts it, which may run Python code).
    fn process(&mut self, d: &Dialect, e: Event) -> PyResult<Action> {
        let quoting_on = d.quoting != QUOTE_NONE;
        let ch = match e {
            Event::Char(c) => c,
            Event::Eol => '\n',
        };
        let line_end = |e: Event| {
            if e == Event::Eol {
                State::StartRecord
            } else {
                State::EatCrnl
            }
        };
        let mut state = self.state;
        if state == State::StartRecord {
            if e == Event::Eol {
                return Ok(Action::None);
            }
            if is_crlf(e) {
                self.state = State::EatCrnl;
                return Ok(Action::None);
            }
            state = State::StartField;
            self.state = state;
        }
        if state == State::AfterEscapedCrnl {
            if e == Event::Eol {
                return Ok(Action::None);
            }
            state = State::InField;
            self.state = state;
        }
        match state {
            State::StartField => {
                if is_crlf(e) || e == Event::Eol {
                    self.state = line_end(e);
                    return Ok(Action::Save);
                } else if is(e, d.quotechar) && quoting_on {
                    self.state = State::InQuotedField;
                } else if is(e, d.escapechar) {
                    self.state = State::EscapedChar;
                } else if ch == ' ' && d.skipinitialspace {
                } else if ch == d.delimiter {
                    return Ok(Action::Save);
                } else {
                    if d.quoting == QUOTE_NONNUMERIC {
                        self.numeric_field = true;
                    }
                    self.add_char(ch)?;
                    self.state = State::InField;
                }
            }
            State::EscapedChar => {
                if is_crlf(e) {
                    self.add_char(ch)?;
                    self.state = State::AfterEscapedCrnl;
                } else {
                    self.add_char(ch)?;
                    self.state = State::InField;
                }
            }
            State::InField => {
                if is_crlf(e) || e == Event::Eol {
                    self.state = line_end(e);
                    return Ok(Action::Save);
                } else if is(e, d.escapechar) {
                    self.state = State::EscapedChar;
                } else if ch == d.delimiter {
                    self.state = State::StartField;
                    return Ok(Action::Save);
                } else {
                    self.add_char(ch)?;
                }
            }
            State::InQuotedField => {
                if e == Event::Eol {
                } else if is(e, d.escapechar) {
                    self.state = State::EscapeInQuotedField;
                } else if is(e, d.quotechar) && quoting_on {
                    self.state = if d.doublequote {
                        State::QuoteInQuotedField
                    } else {
                        State::InField
                    };
                } else {
                    self.add_char(ch)?;
                }
            }
            State::EscapeInQuotedField => {
                self.add_char(ch)?;
                self.state = State::InQuotedField;
            }
            State::QuoteInQuotedField => {
                if quoting_on && is(e, d.quotechar) {
                    self.add_char(ch)?;
                    self.state = State::InQuotedField;
                } else if e == Event::Char(d.delimiter) {
                    self.state = State::StartField;
                    return Ok(Action::Save);
                } else if is_crlf(e) || e == Event::Eol {
                    self.state = line_end(e);
                    return Ok(Action::Save);
                } else if !d.strict {
                    self.add_char(ch)?;
                    self.state = State::InField;
                } else {
                    return Err(super::error(&format!(
                        "'{}' expected after '{}'",
                        d.delimiter,
                        d.quotechar.unwrap_or('"')
                    )));
                }
            }
            State::EatCrnl => {
                if is_crlf(e) {
                } else if e == Event::Eol {
                    self.state = State::StartRecord;
                } else {
                    return Err(super::error(
                        "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?",
                    ));
                }
            }
            State::StartRecord | State::AfterEscapedCrnl => {}
        }
        Ok(Action::None)
    }
}

/// Moves the current field into the record: a `str`, or for an unquoted
/// field under `QUOTE_NONNUMERIC` a `float` (CPython's `parse_save_field`).
fn save_field(vm: &mut Vm, r: &Reader) -> PyResult<()> {
    let (text, numeric) = {
        let p = r.parse.borrow_mut(vm.token());
        let numeric = std::mem::take(&mut p.numeric_field);
        p.field_chars = 0;
        (std::mem::take(&mut p.field), numeric)
    };
    let mut v = new_str(&text);
    if numeric {
        let float = Value::Obj(vm::types::builtin_types().float.clone());
        v = vm.call(&float, &[v], None)?;
    }
    r.parse.borrow_mut(vm.token()).fields.push(v);
    Ok(())
}

fn feed(vm: &mut Vm, r: &Reader, d: &Dialect, e: Event) -> PyResult<()> {
    let action = r.parse.borrow_mut(vm.token()).process(d, e)?;
    if let Action::Save = action {
        save_field(vm, r)?;
    }
    Ok(())
}

/// `next(reader)`: the next record as a list of fields.
pub fn reader_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(r) = v.downcast::<Reader>() else {
        return Err(PyErr::type_error("expected a _csv.reader"));
    };
    let Some(d) = r.dialect.downcast::<Dialect>() else {
        return Err(PyErr::type_error("reader without a dialect"));
    };
    {
        let p = r.parse.borrow_mut(vm.token());
        p.fields.clear();
        p.field.clear();
        p.field_chars = 0;
        p.numeric_field = false;
        p.state = State::StartRecord;
    }
    loop {
        let Some(line) = vm.next(&r.input)? else {
            let (pending, state) = {
                let p = r.parse.borrow(vm.token());
                (p.field_chars != 0, p.state)
            };
            if pending || state == State::InQuotedField {
                if d.strict {
                    return Err(super::error("unexpected end of data"));
                }
                save_field(vm, r)?;
                break;
            }
            return Ok(None);
        };
        let Some(s) = line.downcast::<StrObj>() else {
            return Err(super::error(&format!(
                "iterator should return strings, not {} (the file should be opened in text mode)",
                tname(vm, &line)
            )));
        };
        r.parse.borrow_mut(vm.token()).line_num += 1;
        let text = s.text().to_string_lossy().into_owned();
        for c in text.chars() {
            feed(vm, r, d, Event::Char(c))?;
        }
        feed(vm, r, d, Event::Eol)?;
        if r.parse.borrow(vm.token()).state == State::StartRecord {
            break;
        }
    }
    let fields = std::mem::take(&mut r.parse.borrow_mut(vm.token()).fields);
    Ok(Some(Value::Obj(List::alloc(fields))))
}

/// `reader.line_num`.
pub fn reader_line_num(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    match args.first().and_then(|v| v.downcast::<Reader>()) {
        Some(r) => Ok(Value::Int(r.parse.borrow(vm.token()).line_num)),
        None => Err(PyErr::type_error("expected a _csv.reader")),
    }
}

/// `reader.dialect`.
pub fn reader_dialect(_vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    match args.first().and_then(|v| v.downcast::<Reader>()) {
        Some(r) => Ok(Value::Obj(r.dialect.clone())),
        None => Err(PyErr::type_error("expected a _csv.reader")),
    }
}
