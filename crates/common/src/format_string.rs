//! Parsing of `str.format` / `str.format_map` templates, as CPython 3.11's
//! `Objects/stringlib/unicode_format.h` does it (`MarkupIterator`, `parse_field`,
//! `field_name_split`, `FieldNameIterator`), which `_string.formatter_parser` and
//! `_string.formatter_field_name_split` expose. Parsing is lazy, like CPython's: the VM
//! looks up and renders each field before the parser reads on, so errors come in
//! CPython's order.

use crate::error::{TextError, TextResult};
use crate::text::Text;
use crate::unicode_props::decimal_value;

/// `str.format` allows two levels of nested specs (`"{0:{1}}"`); the VM starts at this
/// depth and fails with [`max_recursion_error`] when it reaches 0.
pub const FORMAT_RECURSION_DEPTH: u32 = 2;

/// "Max string recursion exceeded", for a spec nested too deeply.
#[cold]
pub fn max_recursion_error() -> TextError {
    TextError::value("Max string recursion exceeded")
}

/// One replacement field `{name!conversion:spec}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The field name (`0.x[1]`, `name`, or empty for automatic numbering).
    pub name: Text,
    /// The conversion character after `!`, if any (not yet validated: see
    /// [`check_conversion`]).
    pub conversion: Option<u32>,
    /// The format spec after `:` (empty if none).
    pub spec: Text,
    /// Whether the spec holds `{`, so it must be expanded with `str.format` first.
    pub spec_needs_expanding: bool,
}

/// One step of the template: literal text, then possibly a field (what
/// `_string.formatter_parser` yields as `(literal, field_name, spec, conversion)`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkupItem {
    /// Literal text (a doubled `{{`/`}}` contributes one brace and ends the item).
    pub literal: Text,
    /// The field that follows, if any.
    pub field: Option<Field>,
}

/// Iterator over a template's [`MarkupItem`]s (CPython's `MarkupIterator`); after an
/// error it stops.
pub struct MarkupParser {
    cps: Vec<u32>,
    pos: usize,
    failed: bool,
}

impl MarkupParser {
    /// A parser over `template`.
    pub fn new(template: &Text) -> MarkupParser {
        MarkupParser {
            cps: template.code_points().collect(),
            pos: 0,
            failed: false,
        }
    }

    fn text(&self, start: usize, end: usize) -> Text {
        let mut t = Text::new();
        for &c in self.cps.get(start..end).unwrap_or_default() {
            t.push_code_point(c);
        }
        t
    }

    fn next_item(&mut self) -> TextResult<Option<MarkupItem>> {
        let end = self.cps.len();
        if self.pos >= end {
            return Ok(None);
        }
        let start = self.pos;
        let mut c = 0;
        let mut markup_follows = false;
        while self.pos < end {
            c = self.cps[self.pos];
            self.pos += 1;
            if c == u32::from(b'{') || c == u32::from(b'}') {
                markup_follows = true;
                break;
            }
        }
        let at_end = self.pos >= end;
        let mut len = self.pos - start;
        let next = self.cps.get(self.pos).copied();
        if c == u32::from(b'}') && markup_follows && (at_end || next != Some(c)) {
            return Err(TextError::value("Single '}' encountered in format string"));
        }
        if at_end && markup_follows && c == u32::from(b'{') {
            return Err(TextError::value("Single '{' encountered in format string"));
        }
        if !at_end {
            if next == Some(c) {
                self.pos += 1;
                markup_follows = false;
            } else {
                len -= 1;
            }
        }
        let literal = self.text(start, start + len);
        if !markup_follows {
            return Ok(Some(MarkupItem {
                literal,
                field: None,
            }));
        }
        let field = self.parse_field()?;
        Ok(Some(MarkupItem {
            literal,
            field: Some(field),
        }))
    }

    /// CPython's `parse_field`, from just after the `{`.
    fn parse_field(&mut self) -> TextResult<Field> {
        let end = self.cps.len();
        let name_start = self.pos;
        let mut c = 0;
        let mut stopped = false;
        while self.pos < end {
            c = self.cps[self.pos];
            self.pos += 1;
            match char::from_u32(c) {
                Some('{') => return Err(TextError::value("unexpected '{' in field name")),
                Some('[') => {
                    while self.pos < end && self.cps[self.pos] != u32::from(b']') {
                        self.pos += 1;
                    }
                }
                Some('}' | ':' | '!') => {
                    stopped = true;
                    break;
                }
                _ => {}
            }
        }
        let name_end = if stopped { self.pos - 1 } else { self.pos };
        let mut field = Field {
            name: self.text(name_start, name_end),
            conversion: None,
            spec: Text::new(),
            spec_needs_expanding: false,
        };
        let is = |c: u32, ch: u8| stopped && c == u32::from(ch);
        if is(c, b'!') || is(c, b':') {
            if c == u32::from(b'!') {
                let Some(&conv) = self.cps.get(self.pos) else {
                    return Err(TextError::value(
                        "end of string while looking for conversion specifier",
                    ));
                };
                self.pos += 1;
                field.conversion = Some(conv);
                if let Some(&c2) = self.cps.get(self.pos) {
                    self.pos += 1;
                    if c2 == u32::from(b'}') {
                        return Ok(field);
                    }
                    if c2 != u32::from(b':') {
                        return Err(TextError::value("expected ':' after conversion specifier"));
                    }
                }
            }
            let spec_start = self.pos;
            let mut count = 1;
            while self.pos < end {
                let c = self.cps[self.pos];
                self.pos += 1;
                if c == u32::from(b'{') {
                    field.spec_needs_expanding = true;
                    count += 1;
                } else if c == u32::from(b'}') {
                    count -= 1;
                    if count == 0 {
                        field.spec = self.text(spec_start, self.pos - 1);
                        return Ok(field);
                    }
                }
            }
            return Err(TextError::value("unmatched '{' in format spec"));
        }
        if !is(c, b'}') {
            return Err(TextError::value("expected '}' before end of string"));
        }
        Ok(field)
    }
}

impl Iterator for MarkupParser {
    type Item = TextResult<MarkupItem>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let r = self.next_item();
        if r.is_err() {
            self.failed = true;
        }
        r.transpose()
    }
}

/// Checks a field's conversion as `do_conversion` does: `r`, `s` and `a` are valid;
/// anything else is "Unknown conversion specifier X".
pub fn check_conversion(conversion: u32) -> TextResult<char> {
    match conversion {
        0x72 => Ok('r'),
        0x73 => Ok('s'),
        0x61 => Ok('a'),
        c if c > 32 && c < 127 => Err(TextError::value(format!(
            "Unknown conversion specifier {}",
            char::from(c as u8)
        ))),
        c => Err(TextError::value(format!(
            "Unknown conversion specifier \\x{c:x}"
        ))),
    }
}

/// The first part of a field name: a positional index or a keyword.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldKey {
    /// A positional argument (given as digits, or by automatic numbering).
    Index(usize),
    /// A keyword argument (or `format_map` key).
    Name(Text),
}

/// One `.attr` or `[key]` step after the first part of a field name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldAccessor {
    /// `.name`: `getattr`.
    Attribute(Text),
    /// `[digits]`: an integer subscript.
    Index(usize),
    /// `[text]`: a string subscript.
    Key(Text),
}

/// Automatic field numbering state for one `str.format` call (CPython's `AutoNumber`).
#[derive(Clone, Debug, Default)]
pub struct AutoNumber {
    state: Option<bool>, // Some(true) = automatic, Some(false) = manual
    next: usize,
}

/// CPython's `get_integer` on a whole substring: `None` if empty or not all decimal
/// digits (Unicode digits count), "Too many decimal digits" on overflow.
fn whole_integer(cps: &[u32]) -> TextResult<Option<usize>> {
    if cps.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in cps {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        let d = d as usize;
        if acc > (isize::MAX as usize - d) / 10 {
            return Err(TextError::value("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
    }
    Ok(Some(acc))
}

fn text_of(cps: &[u32]) -> Text {
    let mut t = Text::new();
    for &c in cps {
        t.push_code_point(c);
    }
    t
}

/// Splits a field name into its first part and the rest (CPython's `field_name_split`).
/// With `auto`, an empty first part takes the next automatic number and mixing
/// automatic and manual numbering is CPython's ValueError; without it (as
/// `_string.formatter_field_name_split`), an empty first part is `Name("")`.
pub fn field_name_split(
    name: &Text,
    auto: Option<&mut AutoNumber>,
) -> TextResult<(FieldKey, FieldNameRest)> {
    let cps: Vec<u32> = name.code_points().collect();
    let split = cps
        .iter()
        .position(|&c| c == u32::from(b'[') || c == u32::from(b'.'))
        .unwrap_or(cps.len());
    let first = &cps[..split];
    let index = whole_integer(first)?;
    let empty = first.is_empty();
    let key = match (auto, index) {
        (Some(auto), _) if empty || index.is_some() => {
            let state = *auto.state.get_or_insert(empty);
            if state && !empty {
                return Err(TextError::value(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            if !state && empty {
                return Err(TextError::value(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            if empty {
                auto.next += 1;
                FieldKey::Index(auto.next - 1)
            } else {
                FieldKey::Index(index.unwrap_or(0))
            }
        }
        (_, Some(i)) => FieldKey::Index(i),
        _ => FieldKey::Name(text_of(first)),
    };
    Ok((
        key,
        FieldNameRest {
            cps: cps[split..].to_vec(),
            pos: 0,
            failed: false,
        },
    ))
}

/// The `.attr`/`[key]` steps of a field name, parsed lazily (CPython's
/// `FieldNameIterator`); stops after an error.
#[derive(Clone, Debug)]
pub struct FieldNameRest {
    cps: Vec<u32>,
    pos: usize,
    failed: bool,
}

impl FieldNameRest {
    fn next_step(&mut self) -> TextResult<Option<FieldAccessor>> {
        let Some(&c) = self.cps.get(self.pos) else {
            return Ok(None);
        };
        self.pos += 1;
        let start = self.pos;
        let step = if c == u32::from(b'.') {
            while self
                .cps
                .get(self.pos)
                .is_some_and(|&c| c != u32::from(b'.') && c != u32::from(b'['))
            {
                self.pos += 1;
            }
            let name = &self.cps[start..self.pos];
            if name.is_empty() {
                return Err(TextError::value("Empty attribute in format string"));
            }
            FieldAccessor::Attribute(text_of(name))
        } else if c == u32::from(b'[') {
            let Some(len) = self.cps[start..].iter().position(|&c| c == u32::from(b']')) else {
                return Err(TextError::value("Missing ']' in format string"));
            };
            self.pos = start + len + 1;
            let key = &self.cps[start..start + len];
            let index = whole_integer(key)?;
            if key.is_empty() {
                return Err(TextError::value("Empty attribute in format string"));
            }
            match index {
                Some(i) => FieldAccessor::Index(i),
                None => FieldAccessor::Key(text_of(key)),
            }
        } else {
            return Err(TextError::value(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        };
        Ok(Some(step))
    }
}

impl Iterator for FieldNameRest {
    type Item = TextResult<FieldAccessor>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let r = self.next_step();
        if r.is_err() {
            self.failed = true;
        }
        r.transpose()
    }
}

/// What `str.format` needs from the VM: argument lookup, attribute and item access,
/// conversions and `format()`; [`render_format`] drives it as CPython's
/// `do_string_format` does.
pub trait FormatArgs {
    /// A handle to one Python value.
    type Value;

    /// Whether there are positional arguments at all (`false` for `format_map`, where
    /// a positional field is "Format string contains positional fields").
    fn has_positional(&self) -> bool;
    /// Positional argument `i`, or `None` when out of range.
    fn positional(&mut self, i: usize) -> Option<Self::Value>;
    /// `kwargs[name]` (or the `format_map` mapping's item); the VM raises KeyError.
    fn keyword(&mut self, name: &Text) -> TextResult<Self::Value>;
    /// `getattr(v, name)`.
    fn getattr(&mut self, v: &Self::Value, name: &Text) -> TextResult<Self::Value>;
    /// `v[i]` for an integer subscript.
    fn getitem_index(&mut self, v: &Self::Value, i: usize) -> TextResult<Self::Value>;
    /// `v[key]` for a string subscript.
    fn getitem_key(&mut self, v: &Self::Value, key: &Text) -> TextResult<Self::Value>;
    /// `str(v)`, `repr(v)` or `ascii(v)` for conversion `s`, `r`, `a`.
    fn convert(&mut self, v: &Self::Value, conversion: char) -> TextResult<Self::Value>;
    /// `format(v, spec)`.
    fn format(&mut self, v: &Self::Value, spec: &Text) -> TextResult<Text>;
}

/// `template.format(*args, **kwargs)` / `template.format_map(mapping)`: CPython's
/// `build_string` with two levels of nested specs and automatic field numbering.
pub fn render_format<A: FormatArgs>(template: &Text, args: &mut A) -> TextResult<Text> {
    let mut auto = AutoNumber::default();
    build_string(template, args, FORMAT_RECURSION_DEPTH, &mut auto)
}

fn build_string<A: FormatArgs>(
    template: &Text,
    args: &mut A,
    depth: u32,
    auto: &mut AutoNumber,
) -> TextResult<Text> {
    if depth == 0 {
        return Err(max_recursion_error());
    }
    let mut out = Text::with_capacity(template.as_bytes().len() + 16);
    for item in MarkupParser::new(template) {
        let item = item?;
        out.push_text(&item.literal);
        let Some(field) = item.field else {
            continue;
        };
        let mut value = field_object(&field.name, args, auto)?;
        if let Some(c) = field.conversion {
            value = args.convert(&value, check_conversion(c)?)?;
        }
        let rendered = if field.spec_needs_expanding {
            let spec = build_string(&field.spec, args, depth - 1, auto)?;
            args.format(&value, &spec)?
        } else {
            args.format(&value, &field.spec)?
        };
        out.push_text(&rendered);
    }
    Ok(out)
}

/// CPython's `get_field_object`: the first part looked up, then each accessor applied.
fn field_object<A: FormatArgs>(
    name: &Text,
    args: &mut A,
    auto: &mut AutoNumber,
) -> TextResult<A::Value> {
    let (key, rest) = field_name_split(name, Some(auto))?;
    let mut value = match key {
        FieldKey::Name(n) => args.keyword(&n)?,
        FieldKey::Index(i) => {
            if !args.has_positional() {
                return Err(TextError::value("Format string contains positional fields"));
            }
            args.positional(i).ok_or_else(|| {
                TextError::new(
                    crate::error::ExcKind::IndexError,
                    format!("Replacement index {i} out of range for positional args tuple"),
                )
            })?
        }
    };
    for step in rest {
        value = match step? {
            FieldAccessor::Attribute(a) => args.getattr(&value, &a)?,
            FieldAccessor::Index(i) => args.getitem_index(&value, i)?,
            FieldAccessor::Key(k) => args.getitem_key(&value, &k)?,
        };
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fields_and_literals() {
        let items: Vec<_> = MarkupParser::new(&Text::from("a{{b}}c{0.x[1]!r:>{w}}d"))
            .collect::<TextResult<_>>()
            .unwrap();
        assert_eq!(items.len(), 4);
        assert_eq!(items[0].literal, "a{");
        assert_eq!(items[1].literal, "b}");
        let f = items[2].field.as_ref().unwrap();
        assert_eq!(f.name, "0.x[1]");
        assert_eq!(f.spec, ">{w}");
        assert!(f.spec_needs_expanding);
        assert_eq!(f.conversion, Some(u32::from(b'r')));
    }

    #[test]
    fn auto_numbering() {
        let mut auto = AutoNumber::default();
        let (k, _) = field_name_split(&Text::from(""), Some(&mut auto)).unwrap();
        assert_eq!(k, FieldKey::Index(0));
        let e = field_name_split(&Text::from("1"), Some(&mut auto)).unwrap_err();
        assert!(e.message.starts_with("cannot switch from automatic"));
        let (k, _) = field_name_split(&Text::from("x"), Some(&mut auto)).unwrap();
        assert_eq!(k, FieldKey::Name(Text::from("x")));
    }
}
