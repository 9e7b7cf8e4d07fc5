//! The uncaught-exception report in CPython 3.11's format (`PyErr_Display`,
//! `Python/traceback.c`): the chain of causes and contexts, "Traceback (most
//! recent call last):", one `File "...", line N, in f` entry per frame with the
//! source line and the carets under the failing expression (from
//! `co_positions`, with the `~`/`^` anchors of binary operators and subscripts
//! found by parsing the segment, as 3.11's `traceback.py` does), repeated-line
//! folding, the final `Type: message` line, and exception groups in boxes
//! (`print_exception_group`). Wide (East Asian) characters
//! count as one column here.

use std::collections::HashMap;

use crate::code::CodeObj;
use crate::error::PyErr;
use crate::exceptions::{display_class_name, exc_str_text, ExceptionObj, TracebackObj};
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

/// CPython's `TB_RECURSIVE_CUTOFF`.
const RECURSIVE_CUTOFF: usize = 3;
/// The default `sys.tracebacklimit`.
const TB_LIMIT: usize = 1000;

impl Vm {
    /// The report CPython prints on stderr for an uncaught exception.
    pub fn format_exception(&mut self, err: &mut PyErr) -> String {
        let exc = self.exc_object(err);
        let mut out = String::new();
        let mut seen = Vec::new();
        let mut sources = HashMap::new();
        self.format_chain(&exc, &mut out, &mut seen, &mut sources);
        out
    }

    fn format_chain(
        &mut self,
        exc: &ObjRef,
        out: &mut String,
        seen: &mut Vec<usize>,
        sources: &mut HashMap<String, Option<Vec<String>>>,
    ) {
        self.format_rec(exc, out, seen, sources, 0);
    }

    /// One exception with its cause/context chain, at exception-group nesting
    /// `depth` (CPython's `print_exception_recursive`: lines indented by two
    /// spaces per level, with a `| ` margin inside groups).
    fn format_rec(
        &mut self,
        exc: &ObjRef,
        out: &mut String,
        seen: &mut Vec<usize>,
        sources: &mut HashMap<String, Option<Vec<String>>>,
        depth: usize,
    ) {
        seen.push(exc.id());
        if seen.len() > 100 {
            return;
        }
        let is_group = crate::exc_group::is_group(self, exc);
        let own_depth = if is_group && depth == 0 { 1 } else { depth };
        let mut header = None;
        let mut body = String::new();
        if let Some(e) = exc.downcast::<ExceptionObj>() {
            let cause = e.cause.borrow(&self.token).clone();
            let context = e.context.borrow(&self.token).clone();
            let suppress = *e.suppress_context.borrow(&self.token);
            if let Value::Obj(c) = &cause {
                if !seen.contains(&c.id()) {
                    self.format_rec(c, out, seen, sources, depth);
                    emit(out, depth, "\nThe above exception was the direct cause of the following exception:\n\n");
                }
            } else if let (Value::Obj(c), false) = (&context, suppress) {
                if !seen.contains(&c.id()) {
                    self.format_rec(c, out, seen, sources, depth);
                    emit(
                        out,
                        depth,
                        "\nDuring handling of the above exception, another exception occurred:\n\n",
                    );
                }
            }
            let tb = e.traceback.borrow(&self.token).clone();
            if let Value::Obj(tb) = tb {
                header = Some(if is_group {
                    "Exception Group Traceback (most recent call last):"
                } else {
                    "Traceback (most recent call last):"
                });
                self.format_tb(&tb, &mut body, sources);
            }
        }
        let name = display_class_name(self, &exc.type_ref());
        let msg = exc_str_text(self, &Value::Obj(exc.clone()));
        if msg.is_empty() {
            body.push_str(&name);
        } else {
            body.push_str(&format!("{name}: {msg}"));
        }
        if let Some(s) = self.suggestion_for(exc) {
            body.push_str(&format!(". Did you mean: '{s}'?"));
        }
        body.push('\n');
        body.push_str(&crate::exc_notes::notes_text(
            self,
            &Value::Obj(exc.clone()),
        ));
        if let Some(h) = header {
            if own_depth > 0 {
                out.push_str(&" ".repeat(2 * own_depth));
                out.push_str(if is_group { "+ " } else { "| " });
            }
            out.push_str(h);
            out.push('\n');
        }
        emit(out, own_depth, &body);
        if is_group {
            self.format_group_members(exc, out, seen, sources, own_depth);
        }
    }

    /// The members of an exception group, in CPython's boxes
    /// (`print_exception_group`: at most 15 shown, 10 levels deep).
    fn format_group_members(
        &mut self,
        exc: &ObjRef,
        out: &mut String,
        seen: &mut Vec<usize>,
        sources: &mut HashMap<String, Option<Vec<String>>>,
        depth: usize,
    ) {
        const MAX_WIDTH: usize = 15;
        const MAX_DEPTH: usize = 10;
        let members = crate::exc_group::members(self, exc);
        let n = members.len().min(MAX_WIDTH + 1);
        let indent = " ".repeat(2 * depth);
        for (i, m) in members.iter().take(n).enumerate() {
            out.push_str(&indent);
            out.push_str(if i == 0 { "+-" } else { "  " });
            if i < MAX_WIDTH {
                out.push_str(&format!("+---------------- {} ----------------\n", i + 1));
            } else {
                out.push_str("+---------------- ... ----------------\n");
            }
            // A nested group printed last closes the box itself (CPython's
            // `need_close`).
            let mut closed = false;
            if i < MAX_WIDTH {
                if depth + 1 > MAX_DEPTH {
                    emit(
                        out,
                        depth + 1,
                        &format!("... (max_group_depth is {MAX_DEPTH})\n"),
                    );
                } else if let Value::Obj(o) = m {
                    closed = crate::exc_group::is_group(self, o);
                    self.format_rec(o, out, seen, sources, depth + 1);
                }
            } else {
                let more = members.len() - MAX_WIDTH;
                let s = if more == 1 { "" } else { "s" };
                emit(out, depth + 1, &format!("and {more} more exception{s}\n"));
            }
            if i == n - 1 && !closed {
                out.push_str(&indent);
                out.push_str("  +------------------------------------\n");
            }
        }
    }

    fn format_tb(
        &mut self,
        tb: &ObjRef,
        out: &mut String,
        sources: &mut HashMap<String, Option<Vec<String>>>,
    ) {
        let mut entries = Vec::new();
        let mut cur = Some(tb.clone());
        while let Some(t) = cur {
            let Some(tp) = t.downcast::<TracebackObj>() else {
                break;
            };
            entries.push((tp.code.clone(), tp.lasti));
            cur = tp.next.clone();
        }
        let skip = entries.len().saturating_sub(TB_LIMIT);
        let mut last: Option<(String, i32, String)> = None;
        let mut count = 0usize;
        for (code, lasti) in entries.into_iter().skip(skip) {
            let Some(co) = code.downcast::<CodeObj>() else {
                continue;
            };
            let file = co.data.filename.to_string_lossy().into_owned();
            let name = co.data.name.to_string_lossy().into_owned();
            let pos = co.position_at(lasti);
            let line = pos.0.unwrap_or(-1);
            let key = (file.clone(), line, name.clone());
            if last.as_ref() == Some(&key) {
                count += 1;
                if count > RECURSIVE_CUTOFF {
                    continue;
                }
            } else {
                if count > RECURSIVE_CUTOFF {
                    repeated(out, count - RECURSIVE_CUTOFF);
                }
                last = Some(key);
                count = 1;
            }
            if line < 0 {
                out.push_str(&format!("  File \"{file}\", line {line}, in {name}\n"));
                continue;
            }
            out.push_str(&format!("  File \"{file}\", line {line}, in {name}\n"));
            let src = sources.entry(file.clone()).or_insert_with(|| {
                std::fs::read_to_string(&file)
                    .ok()
                    .map(|s| s.lines().map(str::to_owned).collect())
            });
            let Some(text) = src
                .as_ref()
                .and_then(|l| l.get((line - 1) as usize))
                .cloned()
            else {
                continue;
            };
            let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
            if stripped.trim_end().is_empty() {
                continue;
            }
            let stripped_chars = text.chars().count() - stripped.chars().count();
            let stripped = stripped.trim_end();
            out.push_str(&format!("    {stripped}\n"));
            if let (Some(end_line), Some(col), Some(end_col)) = (pos.1, pos.2, pos.3) {
                if col < 0 || end_col < 0 {
                    continue;
                }
                let chars: Vec<char> = text.chars().collect();
                let start = byte_to_char(&text, col as usize);
                let mut end = byte_to_char(&text, end_col as usize);
                let mut anchors = None;
                if end_line == line {
                    let segment: String = chars[start.min(end)..end].iter().collect();
                    anchors = caret_anchors(&segment);
                } else {
                    end = text.trim_end().chars().count();
                }
                let stripped_len = text.trim().chars().count();
                let show =
                    end.saturating_sub(start) < stripped_len || anchors.is_some_and(|(l, r)| r > l);
                if show && end >= start {
                    out.push_str("    ");
                    out.push_str(&" ".repeat(start.saturating_sub(stripped_chars)));
                    match anchors {
                        Some((l, r)) => {
                            out.push_str(&"~".repeat(l));
                            out.push_str(&"^".repeat(r.saturating_sub(l)));
                            out.push_str(&"~".repeat((end - start).saturating_sub(r)));
                        }
                        None => out.push_str(&"^".repeat(end - start)),
                    }
                    out.push('\n');
                }
            }
        }
        if count > RECURSIVE_CUTOFF {
            repeated(out, count - RECURSIVE_CUTOFF);
        }
    }
}

/// `(left_end, right_start)` character offsets in `segment` of the operator of
/// a binary operation or the brackets of a subscript (3.11's
/// `_extract_caret_anchors_from_line_segment`).
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use syntax::ast::{ExprKind, Mod, StmtKind};
    let tree = syntax::parse(segment.as_bytes(), "<segment>", syntax::Mode::Exec).ok()?;
    let Mod::Module { body, .. } = tree else {
        return None;
    };
    let [stmt] = body.as_slice() else { return None };
    let StmtKind::Expr { value } = &stmt.kind else {
        return None;
    };
    let seg: Vec<char> = segment.chars().collect();
    let norm = |b: u32| byte_to_char(segment, b as usize);
    match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            let op_start = norm(left.loc.end_col_offset);
            let op_end = norm(right.loc.col_offset);
            let op_str: Vec<char> = seg.get(op_start..op_end)?.to_vec();
            let offset = op_str.iter().take_while(|c| c.is_whitespace()).count();
            let mut l = left.loc.end_col_offset as usize + offset;
            let mut r = l + 1;
            if offset + 1 < op_str.len() && !op_str[offset + 1].is_whitespace() {
                r += 1;
            }
            while l < seg.len() && (seg[l].is_whitespace() || seg[l] == ')' || seg[l] == '#') {
                l += 1;
                r += 1;
            }
            Some((norm(l as u32), norm(r as u32)))
        }
        ExprKind::Subscript { value, slice, .. } => {
            let mut l = norm(value.loc.end_col_offset);
            let mut r = norm(slice.loc.end_col_offset + 1);
            while l < seg.len() && (seg[l].is_whitespace() || seg[l] != '[') {
                l += 1;
            }
            while r < seg.len() && (seg[r].is_whitespace() || seg[r] != ']') {
                r += 1;
            }
            if r < seg.len() {
                r += 1;
            }
            Some((l, r))
        }
        _ => None,
    }
}

/// Writes `text` with each line indented for exception-group `depth`
/// (CPython's `write_indented_margin`).
fn emit(out: &mut String, depth: usize, text: &str) {
    if depth == 0 {
        out.push_str(text);
        return;
    }
    let prefix = format!("{}| ", " ".repeat(2 * depth));
    for line in text.split_inclusive('\n') {
        out.push_str(&prefix);
        out.push_str(line);
    }
}

fn repeated(out: &mut String, n: usize) {
    out.push_str(&format!(
        "  [Previous line repeated {n} more time{}]\n",
        if n > 1 { "s" } else { "" }
    ));
}

/// A UTF-8 byte offset in `line` as a character offset.
fn byte_to_char(line: &str, byte: usize) -> usize {
    let b = byte.min(line.len());
    let mut i = b;
    while i > 0 && !line.is_char_boundary(i) {
        i -= 1;
    }
    line[..i].chars().count()
}
