//! The node table of the `_ast` module, read from `Python.asdl` (CPython's
//! `Parser/Python.asdl` for 3.11, the one source CPython's `Python-ast.c` is
//! generated from): every class with its base, `_fields`, `_attributes`, field
//! kinds (`?` optional, `*` list) and the `__doc__` CPython's `asdl_c.py` gives it.
//!
//! The grammar read here is ASDL's:
//! ```text
//! module   := "module" Id "{" definition* "}"
//! definition := TypeId "=" (product | sum)
//! product  := fields ["attributes" fields]
//! sum      := constructor ("|" constructor)* ["attributes" fields]
//! constructor := ConId [fields]
//! fields   := "(" field ("," field)* ")"
//! field    := TypeId ["*" | "?"] Id
//! ```

/// The ASDL text of Python 3.11's abstract syntax.
pub const PYTHON_ASDL: &str = include_str!("Python.asdl");

/// How many values a field holds (ASDL's quantifiers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// Exactly one value (no quantifier).
    One,
    /// `?`: a value or `None`.
    Optional,
    /// `*`: a list of values.
    Sequence,
}

/// One field or attribute of a node class: `type name`, `type? name` or `type* name`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// The field's name (`_fields` entry).
    pub name: String,
    /// The ASDL type of its values (`expr`, `identifier`, `int`, `constant`, ...).
    pub ty: String,
    /// `One`, `Optional` or `Sequence`.
    pub quantity: Quantity,
}

/// What kind of class a node class is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// The abstract base of a sum type (`expr`, `stmt`, `operator`, ...).
    Sum,
    /// A constructor of a sum type (`BinOp`, `Pass`, `Add`, ...).
    Constructor,
    /// A product type (`arguments`, `arg`, `keyword`, `comprehension`, ...).
    Product,
}

/// One class of the `_ast` module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeSpec {
    /// The class name.
    pub name: String,
    /// What kind of class it is.
    pub kind: NodeKind,
    /// For a constructor, the index of its sum type's class; else `None` (base `AST`).
    pub base: Option<usize>,
    /// `_fields`, in order.
    pub fields: Vec<FieldSpec>,
    /// `_attributes` (positions); for a constructor, those of its sum type.
    pub attributes: Vec<FieldSpec>,
    /// Whether this is a constructor of a sum whose constructors all lack fields
    /// (`Load`, `Add`, ...): CPython's `ast2obj` shares one instance of each.
    pub simple: bool,
    /// The class's `__doc__`.
    pub doc: String,
}

impl NodeSpec {
    /// Whether this is a sum type's abstract class (`expr`, `stmt`, ...), which
    /// no node is an instance of directly.
    pub fn is_abstract(&self) -> bool {
        self.kind == NodeKind::Sum
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Id(String),
    Punct(char),
}

fn tokenize(text: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c == '-' && text[i..].starts_with("--") {
            while let Some(&(_, c)) = chars.peek() {
                if c == '\n' {
                    break;
                }
                chars.next();
            }
            continue;
        }
        if c.is_ascii_alphanumeric() || c == '_' {
            let mut s = String::from(c);
            while let Some(&(_, c)) = chars.peek() {
                if !(c.is_ascii_alphanumeric() || c == '_') {
                    break;
                }
                s.push(c);
                chars.next();
            }
            out.push(Tok::Id(s));
            continue;
        }
        if "=|(),*?{}".contains(c) {
            out.push(Tok::Punct(c));
            continue;
        }
        return Err(format!("unexpected character {c:?} in ASDL"));
    }
    Ok(out)
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn at_punct(&self, c: char) -> bool {
        self.peek() == Some(&Tok::Punct(c))
    }

    fn at_id(&self, s: &str) -> bool {
        matches!(self.peek(), Some(Tok::Id(x)) if x == s)
    }

    fn expect_punct(&mut self, c: char) -> Result<(), String> {
        if self.at_punct(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(format!("expected {c:?} at token {}", self.pos))
        }
    }

    fn id(&mut self) -> Result<String, String> {
        match self.peek() {
            Some(Tok::Id(s)) => {
                let s = s.clone();
                self.pos += 1;
                Ok(s)
            }
            _ => Err(format!("expected a name at token {}", self.pos)),
        }
    }

    /// `fields := "(" field ("," field)* ")"`.
    fn fields(&mut self) -> Result<Vec<FieldSpec>, String> {
        self.expect_punct('(')?;
        let mut out = Vec::new();
        loop {
            let ty = self.id()?;
            let quantity = if self.at_punct('*') {
                self.pos += 1;
                Quantity::Sequence
            } else if self.at_punct('?') {
                self.pos += 1;
                Quantity::Optional
            } else {
                Quantity::One
            };
            let name = self.id()?;
            out.push(FieldSpec { name, ty, quantity });
            if self.at_punct(',') {
                self.pos += 1;
                continue;
            }
            self.expect_punct(')')?;
            return Ok(out);
        }
    }

    fn attributes(&mut self) -> Result<Vec<FieldSpec>, String> {
        if self.at_id("attributes") {
            self.pos += 1;
            self.fields()
        } else {
            Ok(Vec::new())
        }
    }
}

/// `Name(type name, type? name2)` or just `Name` (CPython's constructor docs).
fn signature(name: &str, fields: &[FieldSpec]) -> String {
    if fields.is_empty() {
        return name.to_string();
    }
    let parts: Vec<String> = fields
        .iter()
        .map(|f| {
            let q = match f.quantity {
                Quantity::One => "",
                Quantity::Optional => "?",
                Quantity::Sequence => "*",
            };
            format!("{}{q} {}", f.ty, f.name)
        })
        .collect();
    format!("{name}({})", parts.join(", "))
}

/// Reads the ASDL text into the node table: for each sum, its abstract class then
/// its constructors; for each product, its class (definition order).
pub fn parse(text: &str) -> Result<Vec<NodeSpec>, String> {
    let mut p = Parser {
        toks: tokenize(text)?,
        pos: 0,
    };
    if !p.at_id("module") {
        return Err("ASDL must start with 'module'".into());
    }
    p.pos += 1;
    p.id()?;
    p.expect_punct('{')?;
    let mut out: Vec<NodeSpec> = Vec::new();
    while !p.at_punct('}') {
        let type_name = p.id()?;
        p.expect_punct('=')?;
        if p.at_punct('(') {
            let fields = p.fields()?;
            let attributes = p.attributes()?;
            out.push(NodeSpec {
                doc: signature(&type_name, &fields),
                name: type_name,
                kind: NodeKind::Product,
                base: None,
                fields,
                attributes,
                simple: false,
            });
            continue;
        }
        let mut ctors = Vec::new();
        loop {
            let name = p.id()?;
            let fields = if p.at_punct('(') {
                p.fields()?
            } else {
                Vec::new()
            };
            ctors.push((name, fields));
            if p.at_punct('|') {
                p.pos += 1;
                continue;
            }
            break;
        }
        let attributes = p.attributes()?;
        let simple = ctors.iter().all(|(_, f)| f.is_empty());
        let docs: Vec<String> = ctors.iter().map(|(n, f)| signature(n, f)).collect();
        let sep = if simple {
            " | ".to_string()
        } else {
            format!("\n{}| ", " ".repeat(type_name.len() + 1))
        };
        let base_index = out.len();
        out.push(NodeSpec {
            doc: format!("{type_name} = {}", docs.join(&sep)),
            name: type_name,
            kind: NodeKind::Sum,
            base: None,
            fields: Vec::new(),
            attributes: attributes.clone(),
            simple: false,
        });
        for ((name, fields), doc) in ctors.into_iter().zip(docs) {
            out.push(NodeSpec {
                name,
                kind: NodeKind::Constructor,
                base: Some(base_index),
                fields,
                attributes: attributes.clone(),
                simple,
                doc,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(t: &'a [NodeSpec], n: &str) -> &'a NodeSpec {
        t.iter().find(|s| s.name == n).expect("class in table")
    }

    #[test]
    fn python_asdl_reads() {
        let t = parse(PYTHON_ASDL).expect("Python.asdl parses");
        // 18 abstract/product classes and their constructors: CPython 3.11 has
        // 118 classes besides `AST`.
        assert_eq!(t.len(), 118);
        let binop = find(&t, "BinOp");
        let names: Vec<&str> = binop.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["left", "op", "right"]);
        assert_eq!(binop.doc, "BinOp(expr left, operator op, expr right)");
        assert_eq!(t[binop.base.unwrap()].name, "expr");
        assert!(find(&t, "Load").simple);
        assert_eq!(
            find(&t, "expr_context").doc,
            "expr_context = Load | Store | Del"
        );
        assert!(find(&t, "mod")
            .doc
            .starts_with("mod = Module(stmt* body, type_ignore* type_ignores)\n    | Interactive"));
        let args = find(&t, "arguments");
        assert_eq!(args.kind, NodeKind::Product);
        assert_eq!(args.fields[2].quantity, Quantity::Optional);
        assert_eq!(find(&t, "arg").attributes.len(), 4);
        assert_eq!(find(&t, "Pass").doc, "Pass");
    }
}
