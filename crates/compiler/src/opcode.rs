//! The one table of CPython 3.11's opcodes, and everything derived from it: the
//! [`Opcode`] enum, `opcode.opname`/`opmap`, the `has*` lists, `_inline_cache_entries`,
//! `_nb_ops`, `cmp_op`, the specialization families and `_opcode.stack_effect`.
//!
//! Each row of [`opcodes!`] is: doc comment (what the instruction does, with its stack
//! picture), `NAME = number`, the argument kind (`-` = no argument), the number of
//! inline `CACHE` code units after it, and its stack effect as `(if jumping, if not)`
//! as a function of the oparg, as CPython's `stack_effect()` in `Python/compile.c` gives.

/// How an instruction's argument is interpreted (`dis`'s `hasconst`, `hasname`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArgKind {
    /// Below `HAVE_ARGUMENT`: the oparg is ignored.
    None,
    /// A plain number (a count, flags, ...).
    Number,
    /// An index into `co_consts` (`hasconst`).
    Const,
    /// An index into `co_names` (`hasname`).
    Name,
    /// An index into `co_varnames` (`haslocal`).
    Local,
    /// An index into cells and free variables (`hasfree`).
    Free,
    /// An index into `cmp_op` (`hascompare`).
    Compare,
    /// A jump forward, relative to the next instruction (`hasjrel`).
    JumpForward,
    /// A jump backward, relative to the next instruction (`hasjrel`).
    JumpBackward,
    /// An absolute jump target (`hasjabs`; no 3.11 opcode has one).
    JumpAbsolute,
}

/// The kind of jump an instruction makes, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JumpKind {
    /// Not a jump.
    None,
    /// Target = next instruction + oparg code units.
    RelativeForward,
    /// Target = next instruction - oparg code units.
    RelativeBackward,
    /// Target = oparg code units from the start (unused in 3.11).
    Absolute,
}

impl ArgKind {
    /// The jump kind this argument kind implies.
    pub const fn jump(self) -> JumpKind {
        match self {
            ArgKind::JumpForward => JumpKind::RelativeForward,
            ArgKind::JumpBackward => JumpKind::RelativeBackward,
            ArgKind::JumpAbsolute => JumpKind::Absolute,
            _ => JumpKind::None,
        }
    }
}

/// One row of the opcode table.
#[derive(Clone, Copy, Debug)]
pub struct OpInfo {
    /// The instruction's name, as in `opcode.opname`.
    pub name: &'static str,
    /// Its number, as in `opcode.opmap`.
    pub number: u8,
    /// How its argument is interpreted.
    pub arg: ArgKind,
    /// Inline `CACHE` code units following it (`opcode._inline_cache_entries`).
    pub cache_entries: u8,
    /// Stack effect `(when jumping, when not)` for an oparg; see [`stack_effect`].
    effect: fn(i64) -> (i64, i64),
}

impl OpInfo {
    /// Whether the instruction takes an argument (`number >= HAVE_ARGUMENT`).
    pub const fn has_arg(&self) -> bool {
        self.number >= HAVE_ARGUMENT
    }
    /// The jump kind of this instruction.
    pub const fn jump(&self) -> JumpKind {
        self.arg.jump()
    }
}

macro_rules! opcodes {
    ($( $(#[doc = $doc:literal])* $name:ident = $num:literal, $arg:ident, cache $cache:literal,
        |$o:ident| $eff:expr; )*) => {
        /// A CPython 3.11 opcode (the 110 of `opcode.opmap`; specialized instructions
        /// are listed by [`SPECIALIZATIONS`]).
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name = $num, )*
        }

        impl Opcode {
            /// The opcode with this number, if that number is a 3.11 opcode.
            pub const fn from_u8(op: u8) -> Option<Opcode> {
                match op {
                    $( $num => Some(Opcode::$name), )*
                    _ => None,
                }
            }
        }

        /// Opcode numbers as `u8` constants, for `match` arms in an eval loop
        /// (`opcode.opmap[NAME]`).
        #[allow(non_upper_case_globals, missing_docs)]
        pub mod num {
            $( pub const $name: u8 = $num; )*
        }

        /// Every opcode's row, in numeric order.
        pub static OPCODES: &[OpInfo] = &[
            $( OpInfo {
                name: stringify!($name),
                number: $num,
                arg: ArgKind::$arg,
                cache_entries: $cache,
                effect: {
                    #[allow(unused_variables)]
                    fn f($o: i64) -> (i64, i64) { $eff }
                    f
                },
            }, )*
        ];
    };
}

/// An effect that does not depend on jumping.
const fn same(e: i64) -> (i64, i64) {
    (e, e)
}

opcodes! {
    /// Placeholder code unit for an inline cache; never executed.
    CACHE = 0, None, cache 0, |o| same(0);
    /// `x --`: discard the top of the stack.
    POP_TOP = 1, None, cache 0, |o| same(-1);
    /// `-- NULL`: push a NULL (the "no self" slot before a callable).
    PUSH_NULL = 2, None, cache 0, |o| same(1);
    /// Do nothing.
    NOP = 9, None, cache 0, |o| same(0);
    /// `x -- +x`.
    UNARY_POSITIVE = 10, None, cache 0, |o| same(0);
    /// `x -- -x`.
    UNARY_NEGATIVE = 11, None, cache 0, |o| same(0);
    /// `x -- not x`.
    UNARY_NOT = 12, None, cache 0, |o| same(0);
    /// `x -- ~x`.
    UNARY_INVERT = 15, None, cache 0, |o| same(0);
    /// `container key -- container[key]`.
    BINARY_SUBSCR = 25, None, cache 4, |o| same(-1);
    /// `x -- x len(x)` (for pattern matching).
    GET_LEN = 30, None, cache 0, |o| same(1);
    /// `x -- x bool`: whether x is a mapping (pattern matching).
    MATCH_MAPPING = 31, None, cache 0, |o| same(1);
    /// `x -- x bool`: whether x is a sequence (pattern matching).
    MATCH_SEQUENCE = 32, None, cache 0, |o| same(1);
    /// `subject keys -- subject keys values-or-None`: look keys up in a mapping.
    MATCH_KEYS = 33, None, cache 0, |o| same(1);
    /// `exc -- prev_exc exc`: make exc the handled exception, saving the previous one.
    PUSH_EXC_INFO = 35, None, cache 0, |o| same(1);
    /// `exc type -- exc bool`: `isinstance(exc, type)` for an `except` clause.
    CHECK_EXC_MATCH = 36, None, cache 0, |o| same(0);
    /// `eg type -- rest match`: split an exception group for `except*`.
    CHECK_EG_MATCH = 37, None, cache 0, |o| same(0);
    /// `... exit lasti exc -- ... exit lasti exc res`: call `__exit__` with the exception.
    WITH_EXCEPT_START = 49, None, cache 0, |o| same(1);
    /// `x -- x.__aiter__()`.
    GET_AITER = 50, None, cache 0, |o| same(0);
    /// `aiter -- aiter awaitable`: `aiter.__anext__()` made awaitable.
    GET_ANEXT = 51, None, cache 0, |o| same(1);
    /// `mgr -- exit awaitable`: start `async with`.
    BEFORE_ASYNC_WITH = 52, None, cache 0, |o| same(1);
    /// `mgr -- exit value`: start `with`, calling `__enter__`.
    BEFORE_WITH = 53, None, cache 0, |o| same(1);
    /// `aiter exc --`: end an `async for` on StopAsyncIteration, else re-raise.
    END_ASYNC_FOR = 54, None, cache 0, |o| same(-2);
    /// `value container key --`: `container[key] = value`.
    STORE_SUBSCR = 60, None, cache 1, |o| same(-3);
    /// `container key --`: `del container[key]`.
    DELETE_SUBSCR = 61, None, cache 0, |o| same(-2);
    /// `x -- iter(x)`.
    GET_ITER = 68, None, cache 0, |o| same(0);
    /// `x -- iter`: `iter(x)` unless x is a generator or coroutine (for `yield from`).
    GET_YIELD_FROM_ITER = 69, None, cache 0, |o| same(0);
    /// `x --`: print x in interactive mode (`sys.displayhook`).
    PRINT_EXPR = 70, None, cache 0, |o| same(-1);
    /// `-- builtins.__build_class__`.
    LOAD_BUILD_CLASS = 71, None, cache 0, |o| same(1);
    /// `-- AssertionError`.
    LOAD_ASSERTION_ERROR = 74, None, cache 0, |o| same(1);
    /// Create a generator, coroutine or async generator from the current frame and return it.
    RETURN_GENERATOR = 75, None, cache 0, |o| same(0);
    /// `list -- tuple(list)`.
    LIST_TO_TUPLE = 82, None, cache 0, |o| same(0);
    /// `x --`: return x to the caller.
    RETURN_VALUE = 83, None, cache 0, |o| same(-1);
    /// `module --`: `from module import *` into the locals.
    IMPORT_STAR = 84, None, cache 0, |o| same(-1);
    /// Create `__annotations__` in the locals if missing.
    SETUP_ANNOTATIONS = 85, None, cache 0, |o| same(0);
    /// `x -- sent`: yield x from a generator.
    YIELD_VALUE = 86, None, cache 0, |o| same(0);
    /// `x -- wrapped`: wrap a value yielded by an async generator.
    ASYNC_GEN_WRAP = 87, None, cache 0, |o| same(0);
    /// `orig list -- exc`: combine the exceptions raised by `except*` clauses.
    PREP_RERAISE_STAR = 88, None, cache 0, |o| same(-1);
    /// `prev_exc --`: restore the previously handled exception.
    POP_EXCEPT = 89, None, cache 0, |o| same(-1);
    /// `x --`: `name = x` in the locals (`co_names[arg]`).
    STORE_NAME = 90, Name, cache 0, |o| same(-1);
    /// `del name` in the locals.
    DELETE_NAME = 91, Name, cache 0, |o| same(0);
    /// `seq -- x[arg-1] ... x[0]`: unpack into arg values.
    UNPACK_SEQUENCE = 92, Number, cache 1, |o| same(o - 1);
    /// `iter -- iter next`, or pop iter and jump forward by arg when exhausted.
    FOR_ITER = 93, JumpForward, cache 0, |o| (-1, 1);
    /// `seq -- ...`: unpack with a starred target; low byte before, high byte after.
    UNPACK_EX = 94, Number, cache 0, |o| same((o & 0xFF) + (o >> 8));
    /// `value obj --`: `obj.name = value`.
    STORE_ATTR = 95, Name, cache 4, |o| same(-2);
    /// `obj --`: `del obj.name`.
    DELETE_ATTR = 96, Name, cache 0, |o| same(-1);
    /// `x --`: `global name = x`.
    STORE_GLOBAL = 97, Name, cache 0, |o| same(-1);
    /// `del` a global name.
    DELETE_GLOBAL = 98, Name, cache 0, |o| same(0);
    /// Swap the top of the stack with the item arg-1 below it.
    SWAP = 99, Number, cache 0, |o| same(0);
    /// `-- co_consts[arg]`.
    LOAD_CONST = 100, Const, cache 0, |o| same(1);
    /// `-- value`: look a name up in locals, globals, builtins.
    LOAD_NAME = 101, Name, cache 0, |o| same(1);
    /// `items... -- tuple` of arg items.
    BUILD_TUPLE = 102, Number, cache 0, |o| same(1 - o);
    /// `items... -- list` of arg items.
    BUILD_LIST = 103, Number, cache 0, |o| same(1 - o);
    /// `items... -- set` of arg items.
    BUILD_SET = 104, Number, cache 0, |o| same(1 - o);
    /// `k1 v1 ... -- dict` of arg pairs.
    BUILD_MAP = 105, Number, cache 0, |o| same(1 - 2 * o);
    /// `obj -- obj.name`.
    LOAD_ATTR = 106, Name, cache 4, |o| same(0);
    /// `a b -- a op b` for `cmp_op[arg]`.
    COMPARE_OP = 107, Compare, cache 2, |o| same(-1);
    /// `level fromlist -- module`: `__import__(name, ...)`.
    IMPORT_NAME = 108, Name, cache 0, |o| same(-1);
    /// `module -- module module.name` for `from ... import name`.
    IMPORT_FROM = 109, Name, cache 0, |o| same(1);
    /// Jump forward by arg code units.
    JUMP_FORWARD = 110, JumpForward, cache 0, |o| same(0);
    /// `x -- x` and jump if x is false, else `x --`.
    JUMP_IF_FALSE_OR_POP = 111, JumpForward, cache 0, |o| (0, -1);
    /// `x -- x` and jump if x is true, else `x --`.
    JUMP_IF_TRUE_OR_POP = 112, JumpForward, cache 0, |o| (0, -1);
    /// `x --`: jump forward if x is false.
    POP_JUMP_FORWARD_IF_FALSE = 114, JumpForward, cache 0, |o| same(-1);
    /// `x --`: jump forward if x is true.
    POP_JUMP_FORWARD_IF_TRUE = 115, JumpForward, cache 0, |o| same(-1);
    /// `-- [NULL] global`: `co_names[arg >> 1]`, pushing a NULL first if arg & 1.
    LOAD_GLOBAL = 116, Name, cache 5, |o| same((o & 1) + 1);
    /// `a b -- a is b` (or `is not` if arg is 1).
    IS_OP = 117, Number, cache 0, |o| same(-1);
    /// `a b -- a in b` (or `not in` if arg is 1).
    CONTAINS_OP = 118, Number, cache 0, |o| same(-1);
    /// `exc --`: re-raise exc; if arg, first pop lasti into `f_lasti`.
    RERAISE = 119, Number, cache 0, |o| same(-1);
    /// Push a copy of the item arg-1 below the top (`COPY 1` duplicates the top).
    COPY = 120, Number, cache 0, |o| same(1);
    /// `a b -- a op b` for `_nb_ops[arg]`.
    BINARY_OP = 122, Number, cache 1, |o| same(-1);
    /// `receiver value -- receiver result`: send value; jump forward on StopIteration.
    SEND = 123, JumpForward, cache 0, |o| (-1, 0);
    /// `-- co_varnames[arg]`.
    LOAD_FAST = 124, Local, cache 0, |o| same(1);
    /// `x --`: store into a fast local.
    STORE_FAST = 125, Local, cache 0, |o| same(-1);
    /// Delete a fast local.
    DELETE_FAST = 126, Local, cache 0, |o| same(0);
    /// `x --`: jump forward if x is not None.
    POP_JUMP_FORWARD_IF_NOT_NONE = 128, JumpForward, cache 0, |o| same(-1);
    /// `x --`: jump forward if x is None.
    POP_JUMP_FORWARD_IF_NONE = 129, JumpForward, cache 0, |o| same(-1);
    /// `[exc [cause]] --`: `raise` with arg operands (0 re-raises).
    RAISE_VARARGS = 130, Number, cache 0, |o| same(-o);
    /// `x -- awaitable`: `await` x; arg says where (for error messages).
    GET_AWAITABLE = 131, Number, cache 0, |o| same(0);
    /// `[defaults kwdefaults annotations closure] code -- function`; arg flags say which.
    MAKE_FUNCTION = 132, Number, cache 0, |o| same(-(o & 1) - ((o >> 1) & 1) - ((o >> 2) & 1) - ((o >> 3) & 1));
    /// `start stop [step] -- slice` (arg is 2 or 3).
    BUILD_SLICE = 133, Number, cache 0, |o| same(if o == 3 { -2 } else { -1 });
    /// Jump backward by arg code units without checking for interrupts.
    JUMP_BACKWARD_NO_INTERRUPT = 134, JumpBackward, cache 0, |o| same(0);
    /// Replace the local in slot arg with a cell holding it.
    MAKE_CELL = 135, Free, cache 0, |o| same(0);
    /// `-- cell`: push the cell in slot arg.
    LOAD_CLOSURE = 136, Free, cache 0, |o| same(1);
    /// `-- value`: load the contents of the cell in slot arg.
    LOAD_DEREF = 137, Free, cache 0, |o| same(1);
    /// `x --`: store into the cell in slot arg.
    STORE_DEREF = 138, Free, cache 0, |o| same(-1);
    /// Empty the cell in slot arg.
    DELETE_DEREF = 139, Free, cache 0, |o| same(0);
    /// Jump backward by arg code units (checks for interrupts).
    JUMP_BACKWARD = 140, JumpBackward, cache 0, |o| same(0);
    /// `NULL func args [kwargs] -- result`: call with `*args` (and `**kwargs` if arg & 1).
    CALL_FUNCTION_EX = 142, Number, cache 0, |o| same(-2 - (o & 1));
    /// Prefix: supplies the high bits of the next instruction's argument.
    EXTENDED_ARG = 144, Number, cache 0, |o| same(0);
    /// `list ... x -- list ...`: `list.append(x)` for the list arg deep.
    LIST_APPEND = 145, Number, cache 0, |o| same(-1);
    /// `set ... x -- set ...`: `set.add(x)` for the set arg deep.
    SET_ADD = 146, Number, cache 0, |o| same(-1);
    /// `dict ... k v -- dict ...`: `dict[k] = v` for the dict arg deep.
    MAP_ADD = 147, Number, cache 0, |o| same(-2);
    /// `-- value`: a free variable, looked up in the class namespace first.
    LOAD_CLASSDEREF = 148, Free, cache 0, |o| same(1);
    /// Copy arg free variables from the closure into the frame.
    COPY_FREE_VARS = 149, Number, cache 0, |o| same(0);
    /// No-op marking a function start (0), after yield (1), yield from (2) or await (3).
    RESUME = 151, Number, cache 0, |o| same(0);
    /// `subject type names -- attrs-or-None`: class pattern with arg positional subpatterns.
    MATCH_CLASS = 152, Number, cache 0, |o| same(-2);
    /// `value [spec] -- str`: f-string field; arg & 3 = conversion, arg & 4 = has spec.
    FORMAT_VALUE = 155, Number, cache 0, |o| same(if o & 4 == 4 { -1 } else { 0 });
    /// `values... keys -- dict` of arg items with a tuple of constant keys.
    BUILD_CONST_KEY_MAP = 156, Number, cache 0, |o| same(-o);
    /// `strs... -- str`: concatenate arg strings.
    BUILD_STRING = 157, Number, cache 0, |o| same(1 - o);
    /// `obj -- meth self` or `obj -- NULL attr`.
    LOAD_METHOD = 160, Name, cache 10, |o| same(1);
    /// `list ... it -- list ...`: `list.extend(it)` for the list arg deep.
    LIST_EXTEND = 162, Number, cache 0, |o| same(-1);
    /// `set ... it -- set ...`: `set.update(it)`.
    SET_UPDATE = 163, Number, cache 0, |o| same(-1);
    /// `dict ... m -- dict ...`: merge for `**m` in a call (duplicate keys are errors).
    DICT_MERGE = 164, Number, cache 0, |o| same(-1);
    /// `dict ... m -- dict ...`: `dict.update(m)`.
    DICT_UPDATE = 165, Number, cache 0, |o| same(-1);
    /// `NULL-or-meth callable-or-self args... -- ...`: prepare a call with arg arguments.
    PRECALL = 166, Number, cache 1, |o| same(-o);
    /// `NULL-or-meth callable-or-self args... -- result`: call with arg arguments.
    CALL = 171, Number, cache 4, |o| same(-1);
    /// Name the keyword arguments (`co_consts[arg]`, a tuple) of the next call.
    KW_NAMES = 172, Const, cache 0, |o| same(0);
    /// `x --`: jump backward if x is not None.
    POP_JUMP_BACKWARD_IF_NOT_NONE = 173, JumpBackward, cache 0, |o| same(-1);
    /// `x --`: jump backward if x is None.
    POP_JUMP_BACKWARD_IF_NONE = 174, JumpBackward, cache 0, |o| same(-1);
    /// `x --`: jump backward if x is false.
    POP_JUMP_BACKWARD_IF_FALSE = 175, JumpBackward, cache 0, |o| same(-1);
    /// `x --`: jump backward if x is true.
    POP_JUMP_BACKWARD_IF_TRUE = 176, JumpBackward, cache 0, |o| same(-1);
}

/// `opcode.HAVE_ARGUMENT`: opcodes from here on use their oparg.
pub const HAVE_ARGUMENT: u8 = 90;
/// `opcode.EXTENDED_ARG`.
pub const EXTENDED_ARG: u8 = Opcode::EXTENDED_ARG as u8;

/// Each family of specialized instructions, keyed by the instruction it specializes
/// (`opcode._specializations`, in its order).
pub static SPECIALIZATIONS: &[(&str, &[&str])] = &[
    (
        "BINARY_OP",
        &[
            "BINARY_OP_ADAPTIVE",
            "BINARY_OP_ADD_FLOAT",
            "BINARY_OP_ADD_INT",
            "BINARY_OP_ADD_UNICODE",
            "BINARY_OP_INPLACE_ADD_UNICODE",
            "BINARY_OP_MULTIPLY_FLOAT",
            "BINARY_OP_MULTIPLY_INT",
            "BINARY_OP_SUBTRACT_FLOAT",
            "BINARY_OP_SUBTRACT_INT",
        ],
    ),
    (
        "BINARY_SUBSCR",
        &[
            "BINARY_SUBSCR_ADAPTIVE",
            "BINARY_SUBSCR_DICT",
            "BINARY_SUBSCR_GETITEM",
            "BINARY_SUBSCR_LIST_INT",
            "BINARY_SUBSCR_TUPLE_INT",
        ],
    ),
    (
        "CALL",
        &[
            "CALL_ADAPTIVE",
            "CALL_PY_EXACT_ARGS",
            "CALL_PY_WITH_DEFAULTS",
        ],
    ),
    (
        "COMPARE_OP",
        &[
            "COMPARE_OP_ADAPTIVE",
            "COMPARE_OP_FLOAT_JUMP",
            "COMPARE_OP_INT_JUMP",
            "COMPARE_OP_STR_JUMP",
        ],
    ),
    ("EXTENDED_ARG", &["EXTENDED_ARG_QUICK"]),
    ("JUMP_BACKWARD", &["JUMP_BACKWARD_QUICK"]),
    (
        "LOAD_ATTR",
        &[
            "LOAD_ATTR_ADAPTIVE",
            "LOAD_ATTR_INSTANCE_VALUE",
            "LOAD_ATTR_MODULE",
            "LOAD_ATTR_SLOT",
            "LOAD_ATTR_WITH_HINT",
        ],
    ),
    ("LOAD_CONST", &["LOAD_CONST__LOAD_FAST"]),
    (
        "LOAD_FAST",
        &["LOAD_FAST__LOAD_CONST", "LOAD_FAST__LOAD_FAST"],
    ),
    (
        "LOAD_GLOBAL",
        &[
            "LOAD_GLOBAL_ADAPTIVE",
            "LOAD_GLOBAL_BUILTIN",
            "LOAD_GLOBAL_MODULE",
        ],
    ),
    (
        "LOAD_METHOD",
        &[
            "LOAD_METHOD_ADAPTIVE",
            "LOAD_METHOD_CLASS",
            "LOAD_METHOD_MODULE",
            "LOAD_METHOD_NO_DICT",
            "LOAD_METHOD_WITH_DICT",
            "LOAD_METHOD_WITH_VALUES",
        ],
    ),
    (
        "PRECALL",
        &[
            "PRECALL_ADAPTIVE",
            "PRECALL_BOUND_METHOD",
            "PRECALL_BUILTIN_CLASS",
            "PRECALL_BUILTIN_FAST_WITH_KEYWORDS",
            "PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS",
            "PRECALL_NO_KW_BUILTIN_FAST",
            "PRECALL_NO_KW_BUILTIN_O",
            "PRECALL_NO_KW_ISINSTANCE",
            "PRECALL_NO_KW_LEN",
            "PRECALL_NO_KW_LIST_APPEND",
            "PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST",
            "PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS",
            "PRECALL_NO_KW_METHOD_DESCRIPTOR_O",
            "PRECALL_NO_KW_STR_1",
            "PRECALL_NO_KW_TUPLE_1",
            "PRECALL_NO_KW_TYPE_1",
            "PRECALL_PYFUNC",
        ],
    ),
    ("RESUME", &["RESUME_QUICK"]),
    (
        "STORE_ATTR",
        &[
            "STORE_ATTR_ADAPTIVE",
            "STORE_ATTR_INSTANCE_VALUE",
            "STORE_ATTR_SLOT",
            "STORE_ATTR_WITH_HINT",
        ],
    ),
    (
        "STORE_FAST",
        &["STORE_FAST__LOAD_FAST", "STORE_FAST__STORE_FAST"],
    ),
    (
        "STORE_SUBSCR",
        &[
            "STORE_SUBSCR_ADAPTIVE",
            "STORE_SUBSCR_DICT",
            "STORE_SUBSCR_LIST_INT",
        ],
    ),
    (
        "UNPACK_SEQUENCE",
        &[
            "UNPACK_SEQUENCE_ADAPTIVE",
            "UNPACK_SEQUENCE_LIST",
            "UNPACK_SEQUENCE_TUPLE",
            "UNPACK_SEQUENCE_TWO_TUPLE",
        ],
    ),
];

/// `opcode._nb_ops`: `BINARY_OP`'s argument indexes this (name, operator symbol) list.
pub static NB_OPS: [(&str, &str); 26] = [
    ("NB_ADD", "+"),
    ("NB_AND", "&"),
    ("NB_FLOOR_DIVIDE", "//"),
    ("NB_LSHIFT", "<<"),
    ("NB_MATRIX_MULTIPLY", "@"),
    ("NB_MULTIPLY", "*"),
    ("NB_REMAINDER", "%"),
    ("NB_OR", "|"),
    ("NB_POWER", "**"),
    ("NB_RSHIFT", ">>"),
    ("NB_SUBTRACT", "-"),
    ("NB_TRUE_DIVIDE", "/"),
    ("NB_XOR", "^"),
    ("NB_INPLACE_ADD", "+="),
    ("NB_INPLACE_AND", "&="),
    ("NB_INPLACE_FLOOR_DIVIDE", "//="),
    ("NB_INPLACE_LSHIFT", "<<="),
    ("NB_INPLACE_MATRIX_MULTIPLY", "@="),
    ("NB_INPLACE_MULTIPLY", "*="),
    ("NB_INPLACE_REMAINDER", "%="),
    ("NB_INPLACE_OR", "|="),
    ("NB_INPLACE_POWER", "**="),
    ("NB_INPLACE_RSHIFT", ">>="),
    ("NB_INPLACE_SUBTRACT", "-="),
    ("NB_INPLACE_TRUE_DIVIDE", "/="),
    ("NB_INPLACE_XOR", "^="),
];

/// `opcode.cmp_op`: `COMPARE_OP`'s argument indexes this list.
pub static CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// The row for an opcode number, if that number is a 3.11 opcode.
pub fn info(op: u8) -> Option<&'static OpInfo> {
    OPCODES
        .binary_search_by_key(&op, |i| i.number)
        .ok()
        .map(|i| &OPCODES[i])
}

impl Opcode {
    /// The opcode with this name (as in `opcode.opmap`), if any.
    pub fn from_name(name: &str) -> Option<Opcode> {
        OPCODES
            .iter()
            .find(|i| i.name == name)
            .and_then(|i| Opcode::from_u8(i.number))
    }

    /// This opcode's table row.
    pub fn info(self) -> &'static OpInfo {
        let n = self as u8;
        // Every variant has a row: the enum and OPCODES come from one macro.
        match info(n) {
            Some(i) => i,
            None => &OPCODES[0],
        }
    }

    /// Its name, as `opcode.opname` gives it.
    pub fn name(self) -> &'static str {
        self.info().name
    }
}

/// `_opcode.stack_effect(op, oparg, jump=jump)`: the net change in stack depth.
/// `jump` is `Some(true)` for the jumping branch, `Some(false)` for falling through,
/// `None` for the larger of the two. `oparg` is ignored below `HAVE_ARGUMENT`.
/// `None` for numbers that are not opcodes (CPython raises ValueError).
pub fn stack_effect(op: u8, oparg: u32, jump: Option<bool>) -> Option<i32> {
    let row = info(op)?;
    let oparg = if row.has_arg() { i64::from(oparg) } else { 0 };
    let (j, n) = (row.effect)(oparg);
    let e = match jump {
        Some(true) => j,
        Some(false) => n,
        None => j.max(n),
    };
    i32::try_from(e).ok()
}

/// `opcode.opname`: 256 names, `<N>` for unused numbers.
pub fn opname() -> Vec<String> {
    (0..=255u8)
        .map(|n| match info(n) {
            Some(i) => i.name.to_string(),
            None => format!("<{n}>"),
        })
        .collect()
}

/// `opcode.opmap`: (name, number) for every opcode, in numeric order.
pub fn opmap() -> Vec<(&'static str, u8)> {
    OPCODES.iter().map(|i| (i.name, i.number)).collect()
}

fn numbers_where(pred: impl Fn(&OpInfo) -> bool) -> Vec<u8> {
    OPCODES
        .iter()
        .filter(|i| pred(i))
        .map(|i| i.number)
        .collect()
}

/// `opcode.hasconst`.
pub fn hasconst() -> Vec<u8> {
    numbers_where(|i| i.arg == ArgKind::Const)
}
/// `opcode.hasname`.
pub fn hasname() -> Vec<u8> {
    numbers_where(|i| i.arg == ArgKind::Name)
}
/// `opcode.hasjrel`.
pub fn hasjrel() -> Vec<u8> {
    numbers_where(|i| {
        matches!(
            i.jump(),
            JumpKind::RelativeForward | JumpKind::RelativeBackward
        )
    })
}
/// `opcode.hasjabs`.
pub fn hasjabs() -> Vec<u8> {
    numbers_where(|i| i.jump() == JumpKind::Absolute)
}
/// `opcode.haslocal`.
pub fn haslocal() -> Vec<u8> {
    numbers_where(|i| i.arg == ArgKind::Local)
}
/// `opcode.hascompare`.
pub fn hascompare() -> Vec<u8> {
    numbers_where(|i| i.arg == ArgKind::Compare)
}
/// `opcode.hasfree`.
pub fn hasfree() -> Vec<u8> {
    numbers_where(|i| i.arg == ArgKind::Free)
}
/// `opcode.hasnargs` (empty in 3.11).
pub fn hasnargs() -> Vec<u8> {
    Vec::new()
}

/// `opcode._inline_cache_entries`: 256 counts of `CACHE` units after each opcode.
pub fn inline_cache_entries() -> [u8; 256] {
    let mut out = [0u8; 256];
    for i in OPCODES {
        out[usize::from(i.number)] = i.cache_entries;
    }
    out
}

/// Number of inline cache code units after opcode `op` (0 for unknown numbers).
pub fn cache_entries(op: u8) -> usize {
    info(op).map_or(0, |i| usize::from(i.cache_entries))
}

/// `opcode._specialized_instructions`: every family member, in family order.
pub fn specialized_instructions() -> Vec<&'static str> {
    SPECIALIZATIONS
        .iter()
        .flat_map(|(_, fam)| fam.iter().copied())
        .collect()
}

/// `dis._all_opname`: `opname` with the specialized instructions numbered into the
/// unused slots in order, as `dis` does.
pub fn all_opname() -> Vec<String> {
    let mut names = opname();
    let empty: Vec<usize> = (0..256).filter(|&n| info(n as u8).is_none()).collect();
    for (slot, name) in empty.iter().zip(specialized_instructions()) {
        names[*slot] = name.to_string();
    }
    names
}

/// `dis._all_opmap`: (name, number) for base and specialized instructions.
pub fn all_opmap() -> Vec<(String, u8)> {
    let mut out: Vec<(String, u8)> = opmap()
        .into_iter()
        .map(|(n, o)| (n.to_string(), o))
        .collect();
    let names = all_opname();
    let spec = specialized_instructions();
    for (n, name) in names.iter().enumerate() {
        if spec.contains(&name.as_str()) {
            out.push((name.clone(), n as u8));
        }
    }
    out.sort_by_key(|(_, o)| *o);
    out
}

/// `dis._deoptop`: the base instruction of a (possibly specialized) opcode number.
pub fn deoptop(op: u8) -> u8 {
    DEOPT[usize::from(op)]
}

/// `dis._deoptop` for all 256 numbers, computed once from [`SPECIALIZATIONS`].
static DEOPT: std::sync::LazyLock<[u8; 256]> = std::sync::LazyLock::new(|| {
    let names = all_opname();
    let mut table = [0u8; 256];
    for (n, slot) in table.iter_mut().enumerate() {
        *slot = n as u8;
        for (base, fam) in SPECIALIZATIONS {
            if fam.contains(&names[n].as_str()) {
                if let Some(b) = Opcode::from_name(base) {
                    *slot = b as u8;
                }
            }
        }
    }
    table
});

#[cfg(test)]
mod tests {
    use super::*;

    /// The python3-generated fixture (tests/scripts/gen_opcode_fixture.py).
    const FIXTURE: &str = include_str!("../tests/fixtures/opcode.txt");

    fn lines(key: &str) -> Vec<Vec<&'static str>> {
        FIXTURE
            .lines()
            .filter_map(|l| {
                let mut w = l.split(' ');
                (w.next() == Some(key)).then(|| w.collect())
            })
            .collect()
    }

    fn list(key: &str) -> Vec<u8> {
        lines(key)[0]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect()
    }

    #[test]
    fn constants() {
        assert_eq!(lines("HAVE_ARGUMENT")[0][0], HAVE_ARGUMENT.to_string());
        assert_eq!(lines("EXTENDED_ARG")[0][0], EXTENDED_ARG.to_string());
    }

    #[test]
    fn opname_and_opmap() {
        let names = opname();
        let want: Vec<String> = lines("opname").iter().map(|l| l[1].to_string()).collect();
        assert_eq!(names, want);
        let want: Vec<(String, u8)> = lines("opmap")
            .iter()
            .map(|l| (l[0].to_string(), l[1].parse().unwrap()))
            .collect();
        let got: Vec<(String, u8)> = opmap()
            .into_iter()
            .map(|(n, o)| (n.to_string(), o))
            .collect();
        assert_eq!(got, want);
        for (name, num) in opmap() {
            let op = Opcode::from_u8(num).unwrap();
            assert_eq!(op.name(), name);
            assert_eq!(op as u8, num);
            assert_eq!(Opcode::from_name(name), Some(op));
        }
    }

    #[test]
    fn has_lists() {
        assert_eq!(hasconst(), list("hasconst"));
        assert_eq!(hasname(), list("hasname"));
        assert_eq!(hasjrel(), list("hasjrel"));
        assert_eq!(hasjabs(), list("hasjabs"));
        assert_eq!(haslocal(), list("haslocal"));
        assert_eq!(hascompare(), list("hascompare"));
        assert_eq!(hasfree(), list("hasfree"));
        assert_eq!(hasnargs(), list("hasnargs"));
        assert_eq!(
            inline_cache_entries().to_vec(),
            list("_inline_cache_entries")
        );
    }

    #[test]
    fn nb_ops_cmp_op() {
        let want: Vec<(String, String)> = lines("_nb_ops")
            .iter()
            .map(|l| (l[1].to_string(), l[2].to_string()))
            .collect();
        let got: Vec<(String, String)> = NB_OPS
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want);
        assert_eq!(CMP_OP.to_vec(), lines("cmp_op")[0]);
    }

    #[test]
    fn specializations() {
        let want = lines("_specializations");
        assert_eq!(want.len(), SPECIALIZATIONS.len());
        for (w, (base, fam)) in want.iter().zip(SPECIALIZATIONS) {
            assert_eq!(w[0], *base);
            assert_eq!(&w[1..], *fam);
        }
        assert_eq!(
            specialized_instructions(),
            lines("_specialized_instructions")[0]
        );
        let want: Vec<(String, u8)> = lines("_all_opmap")
            .iter()
            .map(|l| (l[0].to_string(), l[1].parse().unwrap()))
            .collect();
        assert_eq!(all_opmap(), want);
        for l in lines("deopt") {
            assert_eq!(
                deoptop(l[0].parse().unwrap()).to_string(),
                l[1],
                "deopt {}",
                l[0]
            );
        }
    }

    #[test]
    fn stack_effects() {
        let mut n = 0;
        for l in lines("stack_effect") {
            let op: u8 = l[0].parse().unwrap();
            let arg: u32 = if l[1] == "-" {
                0
            } else {
                l[1].parse().unwrap()
            };
            let jump = match l[2] {
                "T" => Some(true),
                "F" => Some(false),
                _ => None,
            };
            let want = if l[3] == "E" {
                None
            } else {
                Some(l[3].parse().unwrap())
            };
            assert_eq!(
                stack_effect(op, arg, jump),
                want,
                "stack_effect({op}, {arg}, {jump:?})"
            );
            n += 1;
        }
        assert!(n > 5000);
    }

    #[test]
    fn catches_a_wrong_table() {
        // The comparison above can fail: a different fixture line is detected.
        assert_ne!(stack_effect(Opcode::BUILD_MAP as u8, 2, None), Some(-2));
    }
}
