//! A disassembler printing exactly what `python3 -m dis FILE` prints, following
//! CPython 3.11's `Lib/dis.py` (`_disassemble_recursive`, `_disassemble_bytes`,
//! `_get_instructions_bytes`, `Instruction._disassemble`).
//!
//! Object addresses in `<code object NAME at 0x..., ...>` cannot match CPython's;
//! they are printed as a fixed fake address (see [`code_repr`]) and should be masked
//! when comparing.

use crate::code::{CodeObject, Constant, ExceptionEntry};
use crate::opcode::{self, ArgKind, Opcode, CMP_OP, HAVE_ARGUMENT, NB_OPS};
use common::repr;
use common::text::Text;
use std::fmt::Write;

/// One decoded instruction, like `dis.Instruction` (without `positions`).
#[derive(Clone, Debug, PartialEq)]
pub struct Instruction {
    /// Opcode name (specialized names included, as `dis._all_opname`).
    pub opname: String,
    /// Opcode number.
    pub opcode: u8,
    /// The argument with `EXTENDED_ARG` prefixes applied; `None` below `HAVE_ARGUMENT`.
    pub arg: Option<i64>,
    /// Human-readable description of the argument (`argrepr`).
    pub argrepr: String,
    /// Byte offset.
    pub offset: usize,
    /// The line this instruction starts, if any.
    pub starts_line: Option<i32>,
    /// Whether a jump or exception handler targets this instruction.
    pub is_jump_target: bool,
}

/// `dis._unpack_opargs`: (offset, opcode, arg) for each instruction, skipping caches.
pub fn unpack_opargs(code: &[u8]) -> Vec<(usize, u8, Option<i64>)> {
    let mut out = Vec::new();
    let mut extended: i64 = 0;
    let mut caches = 0usize;
    let mut i = 0;
    while i + 1 < code.len() + 1 && i < code.len() {
        if caches > 0 {
            caches -= 1;
            i += 2;
            continue;
        }
        let op = code[i];
        let deop = opcode::deoptop(op);
        caches = opcode::cache_entries(deop);
        let arg = if deop >= HAVE_ARGUMENT {
            let a = i64::from(code.get(i + 1).copied().unwrap_or(0)) | extended;
            extended = if deop == opcode::EXTENDED_ARG {
                a << 8
            } else {
                0
            };
            if extended >= 1 << 31 {
                extended -= 1 << 32;
            }
            Some(a)
        } else {
            extended = 0;
            None
        };
        out.push((i, op, arg));
        i += 2;
    }
    out
}

fn is_backward_jump(op: u8) -> bool {
    opcode::info(op).is_some_and(|i| i.name.contains("JUMP_BACKWARD"))
}

/// `dis.findlabels`: jump targets, in order of first appearance.
pub fn findlabels(code: &[u8]) -> Vec<i64> {
    let mut labels = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (offset, op, arg) in unpack_opargs(code) {
        let (Some(arg), Some(info)) = (arg, opcode::info(op)) else {
            continue;
        };
        let label = match info.arg {
            ArgKind::JumpForward | ArgKind::JumpBackward => {
                let a = if is_backward_jump(op) { -arg } else { arg };
                offset as i64 + 2 + a * 2
            }
            ArgKind::JumpAbsolute => arg * 2,
            _ => continue,
        };
        if seen.insert(label) {
            labels.push(label);
        }
    }
    labels
}

/// `dis.findlinestarts`: (offset, line) where a new line starts.
pub fn findlinestarts(code: &CodeObject) -> Vec<(u32, i32)> {
    let mut out = Vec::new();
    let mut last = None;
    for (start, _, line) in code.lines() {
        if let Some(l) = line {
            if Some(l) != last {
                last = Some(l);
                out.push((start, l));
            }
        }
    }
    out
}

/// `dis._all_opname`, computed once.
static ALL_OPNAME: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(opcode::all_opname);

/// `dis.get_instructions(code)` (caches not shown).
pub fn get_instructions(code: &CodeObject) -> Vec<Instruction> {
    let linestarts = findlinestarts(code);
    let mut labels = findlabels(&code.code);
    for ExceptionEntry {
        start, end, target, ..
    } in code.exception_entries()
    {
        if start < end {
            labels.push(i64::from(target));
        }
    }
    let all_opname = &*ALL_OPNAME;
    let mut out = Vec::new();
    for (offset, op, arg) in unpack_opargs(&code.code) {
        let starts_line = linestarts
            .iter()
            .find(|(o, _)| *o as usize == offset)
            .map(|p| p.1);
        let deop = opcode::deoptop(op);
        let argrepr = match arg {
            Some(arg) => argrepr(code, offset, deop, arg),
            None => String::new(),
        };
        out.push(Instruction {
            opname: all_opname[usize::from(op)].clone(),
            opcode: op,
            arg,
            argrepr,
            offset,
            starts_line,
            is_jump_target: labels.contains(&(offset as i64)),
        });
    }
    out
}

fn name_at(names: &[Text], i: i64) -> String {
    usize::try_from(i)
        .ok()
        .and_then(|i| names.get(i))
        .map_or_else(|| format!("<index {i} out of range>"), Text::to_string)
}

/// The `argrepr` `dis` shows for an instruction with an argument.
fn argrepr(code: &CodeObject, offset: usize, deop: u8, arg: i64) -> String {
    let Some(info) = opcode::info(deop) else {
        return String::new();
    };
    match info.arg {
        ArgKind::Const => {
            // dis shows only LOAD_CONST's value (KW_NAMES gets dis.UNKNOWN).
            if deop == Opcode::LOAD_CONST as u8 {
                match usize::try_from(arg).ok().and_then(|i| code.consts.get(i)) {
                    Some(c) => repr_constant(c),
                    None => format!("<index {arg} out of range>"),
                }
            } else {
                String::new()
            }
        }
        ArgKind::Name => {
            if deop == Opcode::LOAD_GLOBAL as u8 {
                let n = name_at(&code.names, arg >> 1);
                if arg & 1 != 0 {
                    format!("NULL + {n}")
                } else {
                    n
                }
            } else {
                name_at(&code.names, arg)
            }
        }
        ArgKind::JumpAbsolute => format!("to {}", arg * 2),
        ArgKind::JumpForward | ArgKind::JumpBackward => {
            let a = if is_backward_jump(deop) { -arg } else { arg };
            format!("to {}", offset as i64 + 2 + a * 2)
        }
        ArgKind::Local | ArgKind::Free => name_at(&code.localsplusnames, arg),
        ArgKind::Compare => usize::try_from(arg)
            .ok()
            .and_then(|i| CMP_OP.get(i))
            .map_or_else(|| format!("<cmp {arg}>"), |s| s.to_string()),
        ArgKind::None | ArgKind::Number => {
            if deop == Opcode::FORMAT_VALUE as u8 {
                let mut s = ["", "str", "repr", "ascii"][(arg & 3) as usize].to_string();
                if arg & 4 != 0 {
                    if !s.is_empty() {
                        s.push_str(", ");
                    }
                    s.push_str("with format");
                }
                s
            } else if deop == Opcode::MAKE_FUNCTION as u8 {
                let flags = ["defaults", "kwdefaults", "annotations", "closure"];
                let parts: Vec<&str> = (0..4)
                    .filter(|i| arg & (1 << i) != 0)
                    .map(|i| flags[i])
                    .collect();
                parts.join(", ")
            } else if deop == Opcode::BINARY_OP as u8 {
                usize::try_from(arg)
                    .ok()
                    .and_then(|i| NB_OPS.get(i))
                    .map_or_else(String::new, |p| p.1.to_string())
            } else {
                String::new()
            }
        }
    }
}

/// `dis.disassemble(co)`: one code object's listing.
pub fn disassemble(out: &mut String, code: &CodeObject) {
    let linestarts = findlinestarts(code);
    let lineno_width = match linestarts.iter().map(|p| p.1).max() {
        None => 0,
        Some(m) if m >= 1000 => m.to_string().len(),
        Some(_) => 3,
    };
    let maxoffset = code.code.len() as i64 - 2;
    let offset_width = if maxoffset >= 10000 {
        maxoffset.to_string().len()
    } else {
        4
    };
    for ins in get_instructions(code) {
        if lineno_width > 0 && ins.starts_line.is_some() && ins.offset > 0 {
            out.push('\n');
        }
        let mut line = String::new();
        if lineno_width > 0 {
            match ins.starts_line {
                Some(l) => {
                    let _ = write!(line, "{l:>lineno_width$} ");
                }
                None => line.push_str(&" ".repeat(lineno_width + 1)),
            }
        }
        line.push_str("    ");
        line.push_str(if ins.is_jump_target { ">> " } else { "   " });
        let _ = write!(line, "{:>offset_width$} {:<20}", ins.offset, ins.opname);
        if let Some(arg) = ins.arg {
            let _ = write!(line, " {arg:>5}");
            if !ins.argrepr.is_empty() {
                let _ = write!(line, " ({})", ins.argrepr);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let entries = code.exception_entries();
    if !entries.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in entries {
            let lasti = if e.lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start,
                i64::from(e.end) - 2,
                e.target,
                e.depth,
                lasti
            );
        }
    }
}

/// `dis.dis(code)`: the listing of a code object, then of each nested code object in
/// `co_consts` (recursively), each after a blank line and a `Disassembly of` header.
pub fn dis_module(out: &mut String, code: &CodeObject) {
    // An explicit stack instead of recursion: hostile input cannot overflow.
    let mut stack: Vec<&CodeObject> = vec![code];
    let mut first = true;
    while let Some(co) = stack.pop() {
        if !first {
            let _ = writeln!(out, "\nDisassembly of {}:", code_repr(co));
        }
        first = false;
        disassemble(out, co);
        for c in co.consts.iter().rev() {
            if let Constant::Code(inner) = c {
                stack.push(inner);
            }
        }
    }
}

/// `repr(code)`: `<code object NAME at 0x..., file "FILE", line N>`. The address is a
/// fixed placeholder (`0x0000000000000000`) since Krait's data has no addresses.
pub fn code_repr(code: &CodeObject) -> String {
    format!(
        "<code object {} at 0x0000000000000000, file \"{}\", line {}>",
        code.name.to_string_lossy(),
        code.filename.to_string_lossy(),
        code.firstlineno
    )
}

/// `repr()` of a constant, as CPython prints it; the literal cases are `common::repr`'s.
pub fn repr_constant(c: &Constant) -> String {
    let mut s = String::new();
    write_repr(&mut s, c, 0);
    s
}

fn write_repr(out: &mut String, c: &Constant, depth: usize) {
    if depth > 200 {
        out.push_str("...");
        return;
    }
    match c {
        Constant::None => out.push_str("None"),
        Constant::Ellipsis => out.push_str("Ellipsis"),
        Constant::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
        Constant::Int(i) => repr::write_repr_int(out, i),
        Constant::Float(f) => repr::write_repr_float(out, *f),
        Constant::Complex(re, im) => repr::write_repr_complex(out, *re, *im),
        Constant::Str(s) => repr::write_repr_str(out, s),
        Constant::Bytes(b) => repr::write_repr_bytes(out, b),
        Constant::Tuple(items) => {
            out.push('(');
            for (k, i) in items.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                write_repr(out, i, depth + 1);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Constant::FrozenSet(items) => {
            if items.is_empty() {
                out.push_str("frozenset()");
                return;
            }
            out.push_str("frozenset({");
            for (k, i) in items.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                write_repr(out, i, depth + 1);
            }
            out.push_str("})");
        }
        Constant::Code(code) => out.push_str(&code_repr(code)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values printed by python3's repr().
    #[test]
    fn constant_reprs() {
        let f = |x: f64| repr_constant(&Constant::Float(x));
        assert_eq!(f(1.5), "1.5");
        assert_eq!(f(-0.0), "-0.0");
        assert_eq!(f(1e16), "1e+16");
        assert_eq!(f(1e-5), "1e-05");
        assert_eq!(f(123456789012345678.0), "1.2345678901234568e+17");
        assert_eq!(f(0.1), "0.1");
        assert_eq!(f(2.9802322387695312e-08), "2.9802322387695312e-08");
        assert_eq!(f(1e300), "1e+300");
        assert_eq!(f(f64::INFINITY), "inf");
        // A 17-digit tie CPython rounds half-even (the old private repr gave ...313).
        assert_eq!(f(99.99880981445312), "99.99880981445312");
        let c = |a: f64, b: f64| repr_constant(&Constant::Complex(a, b));
        assert_eq!(c(0.0, 2.0), "2j");
        assert_eq!(c(1.0, -2.0), "(1-2j)");
        assert_eq!(c(-0.0, 0.0), "(-0+0j)");
        assert_eq!(c(0.0, f64::NAN), "nanj");
        let s = |x: &str| repr_constant(&Constant::Str(Text::from(x)));
        assert_eq!(s("it's"), "\"it's\"");
        assert_eq!(s("a\"b'c"), "'a\"b\\'c'");
        assert_eq!(
            s("\0\t\u{20ac}\u{fefe}\u{1dcba}"),
            "'\\x00\\t\u{20ac}\\ufefe\\U0001dcba'"
        );
        let lone = Text::from_generalized_utf8(&[0xED, 0xB2, 0x80]).unwrap();
        assert_eq!(repr_constant(&Constant::Str(lone)), "'\\udc80'");
        assert_eq!(
            repr_constant(&Constant::Bytes(b"\0'\"\\a".to_vec())),
            "b'\\x00\\'\"\\\\a'"
        );
        let t = Constant::Tuple(vec![Constant::None]);
        assert_eq!(repr_constant(&t), "(None,)");
        assert_eq!(repr_constant(&Constant::FrozenSet(vec![])), "frozenset()");
    }

    #[test]
    fn jumps_and_extended_args() {
        // EXTENDED_ARG 1; JUMP_FORWARD 2 at offset 2 -> arg 258, target 2 + 2 + 516.
        let code = CodeObject {
            code: vec![144, 1, 110, 2],
            ..Default::default()
        };
        let ins = get_instructions(&code);
        assert_eq!(ins[1].arg, Some(258));
        assert_eq!(ins[1].argrepr, "to 520");
        assert_eq!(findlabels(&code.code), vec![520]);
    }
}
