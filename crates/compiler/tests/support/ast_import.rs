//! Test support: read back the AST that `tests/scripts/ast_export.py` exports from
//! python3's `ast`, so compiler passes can be tested on real code without Krait's
//! parser. Numbers keep only their type (the value is 0); everything else is exact.

#![allow(dead_code)]

use common::text::Text;
use syntax::ast::*;

/// A malformed export.
#[derive(Debug)]
pub struct ImportError(pub String);

type R<T> = Result<T, ImportError>;

/// Parse one exported module.
pub fn import_module(src: &str) -> R<Mod> {
    let mut r = Reader {
        toks: src.split_ascii_whitespace().collect(),
        pos: 0,
    };
    let tag = r.next()?;
    match tag {
        "Module" => Ok(Mod::Module {
            body: r.list(Reader::stmt)?,
            type_ignores: r.list(|r| {
                r.expect("TypeIgnore")?;
                Ok(TypeIgnore {
                    lineno: r.int()? as u32,
                    tag: r.string()?,
                })
            })?,
        }),
        t => Err(ImportError(format!("expected Module, got {t}"))),
    }
}

struct Reader<'a> {
    toks: Vec<&'a str>,
    pos: usize,
}

fn unhex(h: &str) -> R<Vec<u8>> {
    (0..h.len() / 2)
        .map(|i| {
            u8::from_str_radix(&h[2 * i..2 * i + 2], 16).map_err(|e| ImportError(e.to_string()))
        })
        .collect()
}

impl<'a> Reader<'a> {
    fn next(&mut self) -> R<&'a str> {
        let t = self
            .toks
            .get(self.pos)
            .ok_or_else(|| ImportError("unexpected end".into()))?;
        self.pos += 1;
        Ok(t)
    }

    fn peek(&self) -> Option<&'a str> {
        self.toks.get(self.pos).copied()
    }

    fn expect(&mut self, t: &str) -> R<()> {
        let got = self.next()?;
        if got != t {
            return Err(ImportError(format!(
                "expected {t}, got {got} at {}",
                self.pos
            )));
        }
        Ok(())
    }

    fn num(&mut self) -> R<u32> {
        self.next()?
            .parse()
            .map_err(|e: std::num::ParseIntError| ImportError(e.to_string()))
    }

    fn loc(&mut self) -> R<Location> {
        Ok(Location {
            lineno: self.num()?,
            col_offset: self.num()?,
            end_lineno: self.num()?,
            end_col_offset: self.num()?,
        })
    }

    fn int(&mut self) -> R<i64> {
        let t = self.next()?;
        t.strip_prefix('i')
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| ImportError(format!("expected int, got {t}")))
    }

    fn string(&mut self) -> R<String> {
        let t = self.next()?;
        let h = t
            .strip_prefix('s')
            .ok_or_else(|| ImportError(format!("expected string, got {t}")))?;
        Ok(String::from_utf8_lossy(&unhex(h)?).into_owned())
    }

    fn is_none(&mut self) -> bool {
        if self.peek() == Some("~") {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> R<T>) -> R<Option<T>> {
        if self.is_none() {
            Ok(None)
        } else {
            f(self).map(Some)
        }
    }

    fn opt_string(&mut self) -> R<Option<String>> {
        self.opt(Reader::string)
    }

    fn list<T>(&mut self, mut f: impl FnMut(&mut Self) -> R<T>) -> R<Vec<T>> {
        self.expect("[")?;
        let n = self.num()? as usize;
        (0..n).map(|_| f(self)).collect()
    }

    fn boxed_expr(&mut self) -> R<Box<Expr>> {
        self.expr().map(Box::new)
    }

    fn opt_expr(&mut self) -> R<Option<Box<Expr>>> {
        self.opt(Reader::boxed_expr)
    }

    fn ctx(&mut self) -> R<ExprContext> {
        Ok(match self.next()? {
            "Load" => ExprContext::Load,
            "Store" => ExprContext::Store,
            "Del" => ExprContext::Del,
            t => return Err(ImportError(format!("bad ctx {t}"))),
        })
    }

    fn operator(&mut self) -> R<Operator> {
        use Operator::*;
        Ok(match self.next()? {
            "Add" => Add,
            "Sub" => Sub,
            "Mult" => Mult,
            "MatMult" => MatMult,
            "Div" => Div,
            "Mod" => Mod,
            "Pow" => Pow,
            "LShift" => LShift,
            "RShift" => RShift,
            "BitOr" => BitOr,
            "BitXor" => BitXor,
            "BitAnd" => BitAnd,
            "FloorDiv" => FloorDiv,
            t => return Err(ImportError(format!("bad operator {t}"))),
        })
    }

    fn cmpop(&mut self) -> R<CmpOp> {
        use CmpOp::*;
        Ok(match self.next()? {
            "Eq" => Eq,
            "NotEq" => NotEq,
            "Lt" => Lt,
            "LtE" => LtE,
            "Gt" => Gt,
            "GtE" => GtE,
            "Is" => Is,
            "IsNot" => IsNot,
            "In" => In,
            "NotIn" => NotIn,
            t => return Err(ImportError(format!("bad cmpop {t}"))),
        })
    }

    fn constant(&mut self) -> R<Constant> {
        let t = self.next()?;
        Ok(match t {
            "cN" => Constant::None,
            "cT" => Constant::Bool(true),
            "cF" => Constant::Bool(false),
            "cE" => Constant::Ellipsis,
            "ci" => Constant::Int(Default::default()),
            "cf" => Constant::Float(0.0),
            "cj" => Constant::Complex {
                real: 0.0,
                imag: 0.0,
            },
            _ if t.starts_with("cs") => {
                Constant::Str(Text::from_str(&String::from_utf8_lossy(&unhex(&t[2..])?)))
            }
            _ if t.starts_with("cb") => Constant::Bytes(unhex(&t[2..])?),
            _ => return Err(ImportError(format!("bad constant {t}"))),
        })
    }

    fn arg(&mut self) -> R<Arg> {
        self.expect("arg")?;
        Ok(Arg {
            loc: self.loc()?,
            arg: self.string()?,
            annotation: self.opt_expr()?,
            type_comment: self.opt_string()?,
        })
    }

    fn arguments(&mut self) -> R<Box<Arguments>> {
        self.expect("arguments")?;
        Ok(Box::new(Arguments {
            posonlyargs: self.list(Reader::arg)?,
            args: self.list(Reader::arg)?,
            vararg: self.opt(|r| r.arg().map(Box::new))?,
            kwonlyargs: self.list(Reader::arg)?,
            kw_defaults: self.list(|r| r.opt(Reader::expr))?,
            kwarg: self.opt(|r| r.arg().map(Box::new))?,
            defaults: self.list(Reader::expr)?,
        }))
    }

    fn keyword(&mut self) -> R<Keyword> {
        self.expect("keyword")?;
        Ok(Keyword {
            loc: self.loc()?,
            arg: self.opt_string()?,
            value: self.expr()?,
        })
    }

    fn alias(&mut self) -> R<Alias> {
        self.expect("alias")?;
        Ok(Alias {
            loc: self.loc()?,
            name: self.string()?,
            asname: self.opt_string()?,
        })
    }

    fn comprehension(&mut self) -> R<Comprehension> {
        self.expect("comprehension")?;
        Ok(Comprehension {
            target: self.expr()?,
            iter: self.expr()?,
            ifs: self.list(Reader::expr)?,
            is_async: self.int()? != 0,
        })
    }

    fn function_def(&mut self) -> R<FunctionDef> {
        Ok(FunctionDef {
            name: self.string()?,
            args: self.arguments()?,
            body: self.list(Reader::stmt)?,
            decorator_list: self.list(Reader::expr)?,
            returns: self.opt_expr()?,
            type_comment: self.opt_string()?,
        })
    }

    fn for_(&mut self) -> R<For> {
        Ok(For {
            target: self.boxed_expr()?,
            iter: self.boxed_expr()?,
            body: self.list(Reader::stmt)?,
            orelse: self.list(Reader::stmt)?,
            type_comment: self.opt_string()?,
        })
    }

    fn with(&mut self) -> R<With> {
        Ok(With {
            items: self.list(|r| {
                r.expect("withitem")?;
                Ok(WithItem {
                    context_expr: r.expr()?,
                    optional_vars: r.opt_expr()?,
                })
            })?,
            body: self.list(Reader::stmt)?,
            type_comment: self.opt_string()?,
        })
    }

    fn try_(&mut self) -> R<Try> {
        Ok(Try {
            body: self.list(Reader::stmt)?,
            handlers: self.list(|r| {
                r.expect("ExceptHandler")?;
                let loc = r.loc()?;
                Ok(ExceptHandler {
                    type_: r.opt_expr()?,
                    name: r.opt_string()?,
                    body: r.list(Reader::stmt)?,
                    loc,
                })
            })?,
            orelse: self.list(Reader::stmt)?,
            finalbody: self.list(Reader::stmt)?,
        })
    }

    fn stmt(&mut self) -> R<Stmt> {
        let tag = self.next()?;
        let loc = self.loc()?;
        let kind = match tag {
            "FunctionDef" => StmtKind::FunctionDef(self.function_def()?),
            "AsyncFunctionDef" => StmtKind::AsyncFunctionDef(self.function_def()?),
            "ClassDef" => StmtKind::ClassDef(ClassDef {
                name: self.string()?,
                bases: self.list(Reader::expr)?,
                keywords: self.list(Reader::keyword)?,
                body: self.list(Reader::stmt)?,
                decorator_list: self.list(Reader::expr)?,
            }),
            "Return" => StmtKind::Return {
                value: self.opt_expr()?,
            },
            "Delete" => StmtKind::Delete {
                targets: self.list(Reader::expr)?,
            },
            "Assign" => StmtKind::Assign {
                targets: self.list(Reader::expr)?,
                value: self.boxed_expr()?,
                type_comment: self.opt_string()?,
            },
            "AugAssign" => StmtKind::AugAssign {
                target: self.boxed_expr()?,
                op: self.operator()?,
                value: self.boxed_expr()?,
            },
            "AnnAssign" => StmtKind::AnnAssign {
                target: self.boxed_expr()?,
                annotation: self.boxed_expr()?,
                value: self.opt_expr()?,
                simple: self.int()? != 0,
            },
            "For" => StmtKind::For(self.for_()?),
            "AsyncFor" => StmtKind::AsyncFor(self.for_()?),
            "While" => StmtKind::While {
                test: self.boxed_expr()?,
                body: self.list(Reader::stmt)?,
                orelse: self.list(Reader::stmt)?,
            },
            "If" => StmtKind::If {
                test: self.boxed_expr()?,
                body: self.list(Reader::stmt)?,
                orelse: self.list(Reader::stmt)?,
            },
            "With" => StmtKind::With(self.with()?),
            "AsyncWith" => StmtKind::AsyncWith(self.with()?),
            "Match" => StmtKind::Match {
                subject: self.boxed_expr()?,
                cases: self.list(|r| {
                    r.expect("match_case")?;
                    Ok(MatchCase {
                        pattern: r.pattern()?,
                        guard: r.opt_expr()?,
                        body: r.list(Reader::stmt)?,
                    })
                })?,
            },
            "Raise" => StmtKind::Raise {
                exc: self.opt_expr()?,
                cause: self.opt_expr()?,
            },
            "Try" => StmtKind::Try(self.try_()?),
            "TryStar" => StmtKind::TryStar(self.try_()?),
            "Assert" => StmtKind::Assert {
                test: self.boxed_expr()?,
                msg: self.opt_expr()?,
            },
            "Import" => StmtKind::Import {
                names: self.list(Reader::alias)?,
            },
            "ImportFrom" => StmtKind::ImportFrom {
                module: self.opt_string()?,
                names: self.list(Reader::alias)?,
                level: self.opt(Reader::int)?.unwrap_or(0) as u32,
            },
            "Global" => StmtKind::Global {
                names: self.list(Reader::string)?,
            },
            "Nonlocal" => StmtKind::Nonlocal {
                names: self.list(Reader::string)?,
            },
            "Expr" => StmtKind::Expr {
                value: self.boxed_expr()?,
            },
            "Pass" => StmtKind::Pass,
            "Break" => StmtKind::Break,
            "Continue" => StmtKind::Continue,
            t => return Err(ImportError(format!("bad stmt {t}"))),
        };
        Ok(Stmt { kind, loc })
    }

    fn expr(&mut self) -> R<Expr> {
        let tag = self.next()?;
        let loc = self.loc()?;
        let kind = match tag {
            "BoolOp" => ExprKind::BoolOp {
                op: match self.next()? {
                    "And" => BoolOp::And,
                    _ => BoolOp::Or,
                },
                values: self.list(Reader::expr)?,
            },
            "NamedExpr" => ExprKind::NamedExpr {
                target: self.boxed_expr()?,
                value: self.boxed_expr()?,
            },
            "BinOp" => ExprKind::BinOp {
                left: self.boxed_expr()?,
                op: self.operator()?,
                right: self.boxed_expr()?,
            },
            "UnaryOp" => ExprKind::UnaryOp {
                op: match self.next()? {
                    "Invert" => UnaryOp::Invert,
                    "Not" => UnaryOp::Not,
                    "UAdd" => UnaryOp::UAdd,
                    _ => UnaryOp::USub,
                },
                operand: self.boxed_expr()?,
            },
            "Lambda" => ExprKind::Lambda {
                args: self.arguments()?,
                body: self.boxed_expr()?,
            },
            "IfExp" => ExprKind::IfExp {
                test: self.boxed_expr()?,
                body: self.boxed_expr()?,
                orelse: self.boxed_expr()?,
            },
            "Dict" => ExprKind::Dict {
                keys: self.list(|r| r.opt(Reader::expr))?,
                values: self.list(Reader::expr)?,
            },
            "Set" => ExprKind::Set {
                elts: self.list(Reader::expr)?,
            },
            "ListComp" => ExprKind::ListComp {
                elt: self.boxed_expr()?,
                generators: self.list(Reader::comprehension)?,
            },
            "SetComp" => ExprKind::SetComp {
                elt: self.boxed_expr()?,
                generators: self.list(Reader::comprehension)?,
            },
            "DictComp" => ExprKind::DictComp {
                key: self.boxed_expr()?,
                value: self.boxed_expr()?,
                generators: self.list(Reader::comprehension)?,
            },
            "GeneratorExp" => ExprKind::GeneratorExp {
                elt: self.boxed_expr()?,
                generators: self.list(Reader::comprehension)?,
            },
            "Await" => ExprKind::Await {
                value: self.boxed_expr()?,
            },
            "Yield" => ExprKind::Yield {
                value: self.opt_expr()?,
            },
            "YieldFrom" => ExprKind::YieldFrom {
                value: self.boxed_expr()?,
            },
            "Compare" => ExprKind::Compare {
                left: self.boxed_expr()?,
                ops: self.list(Reader::cmpop)?,
                comparators: self.list(Reader::expr)?,
            },
            "Call" => ExprKind::Call {
                func: self.boxed_expr()?,
                args: self.list(Reader::expr)?,
                keywords: self.list(Reader::keyword)?,
            },
            "FormattedValue" => ExprKind::FormattedValue {
                value: self.boxed_expr()?,
                conversion: self.int()? as i32,
                format_spec: self.opt_expr()?,
            },
            "JoinedStr" => ExprKind::JoinedStr {
                values: self.list(Reader::expr)?,
            },
            "Constant" => ExprKind::Constant {
                value: self.constant()?,
                kind: self.opt_string()?,
            },
            "Attribute" => ExprKind::Attribute {
                value: self.boxed_expr()?,
                attr: self.string()?,
                ctx: self.ctx()?,
            },
            "Subscript" => ExprKind::Subscript {
                value: self.boxed_expr()?,
                slice: self.boxed_expr()?,
                ctx: self.ctx()?,
            },
            "Starred" => ExprKind::Starred {
                value: self.boxed_expr()?,
                ctx: self.ctx()?,
            },
            "Name" => ExprKind::Name {
                id: self.string()?,
                ctx: self.ctx()?,
            },
            "List" => ExprKind::List {
                elts: self.list(Reader::expr)?,
                ctx: self.ctx()?,
            },
            "Tuple" => ExprKind::Tuple {
                elts: self.list(Reader::expr)?,
                ctx: self.ctx()?,
            },
            "Slice" => ExprKind::Slice {
                lower: self.opt_expr()?,
                upper: self.opt_expr()?,
                step: self.opt_expr()?,
            },
            t => return Err(ImportError(format!("bad expr {t}"))),
        };
        Ok(Expr { kind, loc })
    }

    fn pattern(&mut self) -> R<Pattern> {
        let tag = self.next()?;
        let loc = self.loc()?;
        let kind = match tag {
            "MatchValue" => PatternKind::MatchValue {
                value: self.boxed_expr()?,
            },
            "MatchSingleton" => PatternKind::MatchSingleton {
                value: self.constant()?,
            },
            "MatchSequence" => PatternKind::MatchSequence {
                patterns: self.list(Reader::pattern)?,
            },
            "MatchMapping" => PatternKind::MatchMapping {
                keys: self.list(Reader::expr)?,
                patterns: self.list(Reader::pattern)?,
                rest: self.opt_string()?,
            },
            "MatchClass" => PatternKind::MatchClass {
                cls: self.boxed_expr()?,
                patterns: self.list(Reader::pattern)?,
                kwd_attrs: self.list(Reader::string)?,
                kwd_patterns: self.list(Reader::pattern)?,
            },
            "MatchStar" => PatternKind::MatchStar {
                name: self.opt_string()?,
            },
            "MatchAs" => PatternKind::MatchAs {
                pattern: self.opt(|r| r.pattern().map(Box::new))?,
                name: self.opt_string()?,
            },
            "MatchOr" => PatternKind::MatchOr {
                patterns: self.list(Reader::pattern)?,
            },
            t => return Err(ImportError(format!("bad pattern {t}"))),
        };
        Ok(Pattern { kind, loc })
    }
}
