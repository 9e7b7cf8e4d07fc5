//! The classes of the `_ast` module (CPython's `Python/Python-ast.c` state): `AST`
//! and one class per row of the ASDL table, with `_fields`, `_attributes`,
//! `__match_args__`, `__doc__`, class-level `None` defaults for optional fields and
//! attributes, `__module__ == 'ast'`, and `AST`'s constructor (`ast_type_init`) and
//! `__reduce__`. The classes are made once per thread and shared by every
//! interpreter on it, like the builtin types.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::builtins::dict::{Dict, NativeEq};
use crate::builtins::object::Instance;
use crate::builtins::str::{intern, StrObj};
use crate::builtins::tuple::Tuple;
use crate::calls::kwnames_len;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{ObjRef, Token};
use crate::types::{builtin_types, new_class, type_modified, type_name, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

use super::asdl::{self, NodeSpec, Quantity};

/// The `_ast` classes and what conversion needs of them.
pub struct AstState {
    /// The node table, in ASDL order.
    pub specs: Vec<NodeSpec>,
    /// The class of each row of `specs`.
    pub classes: Vec<ObjRef>,
    /// `AST`, the base of every node class.
    pub ast: ObjRef,
    /// Row of each class name.
    index: HashMap<String, usize>,
    /// Row of each class, by the class object's id.
    by_class: HashMap<usize, usize>,
    /// For each row, the interned names of its fields then its attributes.
    keys: Vec<Vec<Value>>,
    /// The shared instance of each field-less constructor of a simple sum
    /// (`Load()`, `Add()`, ...), which `ast2obj` returns every time.
    singletons: Vec<Option<ObjRef>>,
}

thread_local! {
    static STATE: RefCell<Option<Rc<AstState>>> = const { RefCell::new(None) };
}

/// The `_ast` classes of this thread, made on first use.
pub fn state(vm: &mut Vm) -> PyResult<Rc<AstState>> {
    if let Some(s) = STATE.with(|s| s.borrow().clone()) {
        return Ok(s);
    }
    let s = Rc::new(build(vm.token())?);
    STATE.with(|c| *c.borrow_mut() = Some(s.clone()));
    Ok(s)
}

impl AstState {
    /// The row of class `name` (a name of the ASDL table).
    pub fn id(&self, name: &str) -> usize {
        self.index.get(name).copied().unwrap_or(0)
    }

    /// The row of `cls` if it is one of the table's classes itself (not a subclass).
    pub fn row_of_class(&self, cls: &ObjRef) -> Option<usize> {
        self.by_class.get(&cls.id()).copied()
    }

    /// The row of class `name`, if the table has one.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    /// The interned names of row `id`'s fields, then its attributes.
    pub fn keys(&self, id: usize) -> &[Value] {
        self.keys.get(id).map_or(&[], Vec::as_slice)
    }

    /// A new node of row `id` whose fields (then attributes, if `values` holds
    /// them too) are `values`, as `ast2obj_*` builds them; field-less constructors
    /// of simple sums give their shared instance.
    pub fn node(&self, token: &mut Token, id: usize, values: Vec<Value>) -> PyResult<Value> {
        if let Some(Some(s)) = self.singletons.get(id) {
            return Ok(Value::Obj(s.clone()));
        }
        let cls = self
            .classes
            .get(id)
            .ok_or_else(|| PyErr::new(ExcKind::SystemError, "unknown AST class"))?;
        let obj = ObjRef::new(cls, Instance::default());
        if !values.is_empty() {
            let d = match obj.downcast::<Instance>() {
                Some(i) => i.dict(token),
                None => return Ok(Value::Obj(obj)),
            };
            if let Some(dict) = d.downcast::<Dict>() {
                for (k, v) in self.keys(id).iter().zip(values) {
                    dict.set(&mut NativeEq(token), k.clone(), v)?;
                }
            }
        }
        Ok(Value::Obj(obj))
    }
}

fn set_class_attr(token: &mut Token, cls: &ObjRef, name: &str, v: Value) -> PyResult<()> {
    let key = Value::Obj(intern(token, name));
    if let Some(t) = cls.downcast::<TypeObject>() {
        t.dict.set(&mut NativeEq(token), key, v)?;
    }
    Ok(())
}

fn names_tuple(token: &mut Token, names: &[asdl::FieldSpec]) -> Value {
    let items = names
        .iter()
        .map(|f| Value::Obj(intern(token, &f.name)))
        .collect();
    Value::Obj(Tuple::alloc(items))
}

/// Makes `AST` and every class of the table.
fn build(token: &mut Token) -> PyResult<AstState> {
    let specs = asdl::parse(asdl::PYTHON_ASDL).map_err(|e| PyErr::new(ExcKind::SystemError, e))?;
    let meta = builtin_types().type_.clone();
    let ast = new_class(token, &meta, "AST", Vec::new())?;
    init_class(token, &ast, "ast")?;
    set_class_attr(token, &ast, "__doc__", Value::None)?;
    for name in ["_fields", "_attributes", "__match_args__"] {
        set_class_attr(token, &ast, name, Value::Obj(Tuple::alloc(Vec::new())))?;
    }
    crate::class::register_ctor(&ast, ast_ctor, true);
    crate::calls::add_method(token, &ast, "__init__", ast_init);
    crate::calls::add_method(token, &ast, "__reduce__", ast_reduce);
    let new_key = Value::Obj(intern(token, "__new__"));
    if let Some(t) = ast.downcast::<TypeObject>() {
        let f = crate::calls::new_native_function("__new__", ast_new);
        t.dict.set(&mut NativeEq(token), new_key, Value::Obj(f))?;
    }
    let mut classes: Vec<ObjRef> = Vec::with_capacity(specs.len());
    let mut index = HashMap::new();
    let mut by_class = HashMap::new();
    let mut keys = Vec::with_capacity(specs.len());
    let mut singletons = Vec::with_capacity(specs.len());
    for (i, spec) in specs.iter().enumerate() {
        let base = match spec.base.and_then(|b| classes.get(b)) {
            Some(b) => b.clone(),
            None => ast.clone(),
        };
        let cls = new_class(token, &meta, &spec.name, vec![base])?;
        init_class(token, &cls, "ast")?;
        let fields = names_tuple(token, &spec.fields);
        set_class_attr(token, &cls, "_fields", fields.clone())?;
        set_class_attr(token, &cls, "__match_args__", fields)?;
        set_class_attr(token, &cls, "__doc__", Value::Obj(StrObj::alloc(&spec.doc)))?;
        if spec.kind != asdl::NodeKind::Constructor {
            let attrs = names_tuple(token, &spec.attributes);
            set_class_attr(token, &cls, "_attributes", attrs)?;
            for a in &spec.attributes {
                if a.quantity == Quantity::Optional {
                    set_class_attr(token, &cls, &a.name, Value::None)?;
                }
            }
        }
        for f in &spec.fields {
            if f.quantity == Quantity::Optional {
                set_class_attr(token, &cls, &f.name, Value::None)?;
            }
        }
        type_modified(token, &cls);
        let mut k: Vec<Value> = Vec::new();
        for f in spec.fields.iter().chain(&spec.attributes) {
            k.push(Value::Obj(intern(token, &f.name)));
        }
        keys.push(k);
        singletons.push(if spec.simple {
            Some(ObjRef::new(&cls, Instance::default()))
        } else {
            None
        });
        index.insert(spec.name.clone(), i);
        by_class.insert(cls.id(), i);
        classes.push(cls);
    }
    Ok(AstState {
        specs,
        classes,
        ast,
        index,
        by_class,
        keys,
        singletons,
    })
}

fn init_class(token: &mut Token, cls: &ObjRef, module: &str) -> PyResult<()> {
    if let Some(t) = cls.downcast::<TypeObject>() {
        t.set_module(token, module);
    }
    let m = Value::Obj(intern(token, module));
    set_class_attr(token, cls, "__module__", m)
}

/// `AST.__new__` and `AST(...)` (CPython's `PyType_GenericNew` then
/// `ast_type_init`): a new instance with its fields set from the arguments.
fn ast_ctor(vm: &mut Vm, cls: &ObjRef, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let obj = Value::Obj(Instance::alloc(vm.token(), cls)?);
    init_fields(vm, &obj, args, kw)?;
    Ok(obj)
}

/// `AST.__new__(cls, *args, **kwargs)` called explicitly (`ast.py`'s deprecated
/// `Num`/`Str` classes do): Krait runs no native `__init__` after a `__new__`, so
/// the fields are set here.
fn ast_new(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let npos = args.len() - kwnames_len(vm.token(), kw).min(args.len());
    if npos == 0 {
        return Err(PyErr::type_error("AST.__new__(): not enough arguments"));
    }
    let Some(cls) = args[0]
        .as_obj()
        .filter(|o| o.downcast::<TypeObject>().is_some())
        .cloned()
    else {
        return Err(PyErr::type_error(format!(
            "AST.__new__(X): X is not a type object ({})",
            type_name(vm.token(), &args[0].type_ref())
        )));
    };
    ast_ctor(vm, &cls, &args[1..], kw)
}

/// `AST.__init__(self, *args, **kwargs)` (CPython's `ast_type_init`).
fn ast_init(vm: &mut Vm, args: &[Value], kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some(me) = args.first() else {
        return Err(PyErr::type_error("AST.__init__() needs an argument"));
    };
    init_fields(vm, me, &args[1..], kw)?;
    Ok(Value::None)
}

/// Sets `self`'s fields from positional arguments (in `_fields` order) and
/// keyword arguments, with `ast_type_init`'s errors.
fn init_fields(vm: &mut Vm, me: &Value, args: &[Value], kw: Option<&ObjRef>) -> PyResult<()> {
    let nkw = kwnames_len(vm.token(), kw).min(args.len());
    let npos = args.len() - nkw;
    let cls = me.type_ref();
    let fields_key = intern(vm.token(), "_fields");
    let fields = match vm.getattr(&Value::Obj(cls.clone()), &fields_key) {
        Ok(f) => vm.sequence_to_vec(&f)?,
        Err(e) if e.is_kind(ExcKind::AttributeError) => Vec::new(),
        Err(e) => return Err(e),
    };
    if npos > fields.len() {
        let n = fields.len();
        return Err(PyErr::type_error(format!(
            "{} constructor takes at most {n} positional argument{}",
            type_name(vm.token(), &cls),
            if n == 1 { "" } else { "s" }
        )));
    }
    for (name, v) in fields.iter().zip(&args[..npos]) {
        let Some(name) = name.as_obj().filter(|o| o.downcast::<StrObj>().is_some()) else {
            return Err(PyErr::type_error(format!(
                "attribute name must be string, not '{}'",
                type_name(vm.token(), &name.type_ref())
            )));
        };
        vm.setattr(me, &name.clone(), Some(v.clone()))?;
    }
    let Some(names) = kw.and_then(|k| k.downcast::<Tuple>()) else {
        return Ok(());
    };
    let names = names.items(vm.token()).to_vec();
    for (key, v) in names.iter().zip(&args[npos..]) {
        let mut pos = None;
        for (i, f) in fields.iter().enumerate() {
            if vm.eq_bool(f, key)? {
                pos = Some(i);
                break;
            }
        }
        if pos.is_some_and(|p| p < npos) {
            let k = key
                .downcast::<StrObj>()
                .map(|s| s.text().to_string_lossy().into_owned())
                .unwrap_or_default();
            return Err(PyErr::type_error(format!(
                "{} got multiple values for argument '{k}'",
                type_name(vm.token(), &cls)
            )));
        }
        if let Some(k) = key.as_obj() {
            vm.setattr(me, &k.clone(), Some(v.clone()))?;
        }
    }
    Ok(())
}

/// `AST.__reduce__` (CPython's `ast_type_reduce`): `(type(self), (), self.__dict__)`.
fn ast_reduce(vm: &mut Vm, args: &[Value], _kw: Option<&ObjRef>) -> PyResult<Value> {
    let Some(me) = args.first() else {
        return Err(PyErr::type_error("__reduce__() needs an argument"));
    };
    let cls = Value::Obj(me.type_ref());
    let empty = Value::Obj(Tuple::alloc(Vec::new()));
    let key = intern(vm.token(), "__dict__");
    match vm.getattr(me, &key) {
        Ok(d) => Ok(Value::Obj(Tuple::alloc(vec![cls, empty, d]))),
        Err(e) if e.is_kind(ExcKind::AttributeError) => {
            Ok(Value::Obj(Tuple::alloc(vec![cls, empty])))
        }
        Err(e) => Err(e),
    }
}

/// Whether `v` is an instance of the `AST` class (CPython's `PyAST_Check`).
/// Before the classes exist no value can be one, so this never builds them.
pub fn is_ast(vm: &mut Vm, v: &Value) -> bool {
    let Some(st) = STATE.with(|s| s.borrow().clone()) else {
        return false;
    };
    let t = v.type_ref();
    crate::types::is_subtype(vm.token(), &t, &st.ast)
}
