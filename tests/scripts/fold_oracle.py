"""What CPython 3.11's constant folder makes of generated expressions, for the
differential test crates/compiler/tests/fold_diff.rs:

    python3 tests/scripts/fold_oracle.py SEED COUNT

generates 2 * COUNT expressions (deterministically from SEED: nested mixed
expressions and random-number arithmetic, plus a fixed list of edge cases), compiles `x = (EXPR)` for each, and prints one line per expression:
EXPR, then \\x1e, then the constants its LOAD_CONSTs load in order (the trailing
`return None` left out), each in the canonical form `canon` gives, joined by \\x1f.
"""
import dis
import random
import struct
import sys
import warnings

warnings.simplefilter("ignore")


def canon(v):
    """Type and repr; tuples item by item; frozensets as sorted item sets."""
    if type(v) is tuple:
        return "(" + ", ".join(canon(x) for x in v) + ",)"
    if type(v) is frozenset:
        return "frozenset{" + ", ".join(sorted(canon(x) for x in v)) + "}"
    return type(v).__name__ + ":" + repr(v)


def loaded_constants(expr):
    code = compile(f"x = ({expr})\n", "<fold>", "exec")
    ins = [i for i in dis.get_instructions(code) if i.opname != "CACHE"]
    # Drop the implicit `LOAD_CONST None; RETURN_VALUE`.
    ins = ins[:-2]
    return [canon(i.argval) for i in ins if i.opname == "LOAD_CONST"]


INTS = ["0", "1", "2", "3", "7", "10", "255", "256", "4096", "4097", "127", "128", "129",
        "2**62", "9223372036854775807", "9223372036854775808", "18446744073709551616",
        "170141183460469231731687303715884105727", "170141183460469231731687303715884105728",
        "340282366920938463463374607431768211455", "340282366920938463463374607431768211456",
        "10**38", "12345678901234567890123456789", "0x" + "f" * 100, "10**400",
        "9007199254740993", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
        "(1 << 1024) - (1 << 970)", "(1 << 1024) - (1 << 971)"]
FLOATS = ["0.0", "-0.0", "0.5", "1.5", "2.0", "0.1", "3.0", "1e308", "1e309", "-1e309",
          "5e-324", "2.2250738585072014e-308", "1e-320", "123456.789", "1e16", "0.3",
          "(1e309-1e309)", "1e22", "4.5e15"]
COMPLEX = ["0j", "1j", "2j", "0.5j", "1e309j", "1e-320j", "(1+2j)", "(3-4j)", "(-0.0-0j)",
           "(1e308+1e308j)"]
STRS = ["''", "'a'", "'ab'", "'abc'", "'\\xe9t\\xe9'", "'\\U0001f600x'", "'\\ud800'",
        "'x' * 4096", "'ab' * 2048", "'xyz' * 1365", "'xyz' * 1366", "'%s'", "'%d %s'"]
BYTES = ["b''", "b'a'", "b'ab'", "b'\\x00\\xff'", "b'z' * 4096"]
MISC = ["True", "False", "None", "...", "__debug__", "a", "b", "()", "(1,)", "(1, 2)",
        "(1, (2, 3))", "((1, 2),) * 100", "(a,)", "(1, a)", "(1,) * 256", "(1, 2) * 128",
        "((1, 2, 3),) * 256", "(((1,2),(3,4)),) * 100"]


def atom():
    r = random.random()
    if r < 0.3:
        return random.choice(INTS)
    if r < 0.5:
        return random.choice(FLOATS)
    if r < 0.6:
        return random.choice(COMPLEX)
    if r < 0.72:
        return random.choice(STRS)
    if r < 0.78:
        return random.choice(BYTES)
    return random.choice(MISC)


BINOPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"]
UNOPS = ["-", "+", "~", "not "]


def expr(d):
    r = random.random()
    if d >= 3 or r < 0.25:
        return atom()
    if r < 0.6:
        return f"({expr(d + 1)} {random.choice(BINOPS)} {expr(d + 1)})"
    if r < 0.72:
        return f"({random.choice(UNOPS)}{expr(d + 1)})"
    if r < 0.8:
        return f"({expr(d + 1)})[{random.choice(['0', '1', '-1', '2', '-4', 'True', '10**30', '1.0', 'a'])}]"
    if r < 0.88:
        n = random.randint(0, 3)
        return "(" + "".join(expr(d + 1) + ", " for _ in range(n)) + ")"
    if r < 0.93:
        op = random.choice(["in", "not in"])
        items = ", ".join(expr(d + 1) for _ in range(random.randint(0, 3)))
        disp = random.choice([f"[{items}]", "{" + items + "}" if items else "[]"])
        return f"({expr(d + 1)} {op} {disp})"
    if r < 0.97:
        op = random.choice(["is", "is not", "in", "not in", "==", "<"])
        return f"(not ({expr(d + 1)} {op} {expr(d + 1)}))"
    return f"({expr(d + 1)} if a else {expr(d + 1)})"


EDGES = [
    # Size limits: just below and just above each.
    "2**128", "2**127", "2**129", "(-2)**127", "3**80", "3**81", "2**64 * 2**63",
    "2**64 * 2**64", "(2**64 - 1) * (2**64)", "1 << 127", "1 << 128", "3 << 126",
    "3 << 127", "0 << 10**30", "1 << 10**30", "1 << -1", "0 << -1", "5 >> 10**30",
    "-5 >> 10**30", "-5 >> 1", "5 >> -1", "1 ** 128", "1 ** 129", "(-1) ** 129", "0 ** 10**30",
    "2 ** 0", "0 ** 0", "2 ** -1", "0 ** -1", "(-2) ** -3", "10 ** -400", "(10**400) ** -1",
    "'a' * 4096", "'a' * 4097", "'ab' * 2048", "'ab' * 2049", "'' * -1", "'a' * -1",
    "'' * 10**30", "'' * 10**18", "b'a' * 4096", "b'a' * 4097", "4097 * b'a'", "True * 'a'",
    "(1,) * 256", "(1,) * 257", "(1, 2) * 128", "(1, 2) * 129", "() * 10**30", "() * 5",
    "(1,) * -1", "(1,) * 0", "((1, 2),) * 100", "((1, 2, 3, 4),) * 205",
    "((1, 2, 3, 4),) * 204", "((1, 2, 3, 4),) * 256", "256 * (1,)",
    "'a' % 1", "'%s' % ('a',)", "b'%d' % 3", "5 % 3", "-5 % 3", "5 % -3", "5.5 % -2",
    "-0.0 % 1.0", "0.0 % -1.0", "1 % 0", "1.0 % 0.0", "7 // -2", "-7 // 2", "-7.5 // 2",
    "0.0 // -1.0", "-0.0 // 1.0", "1 // 0", "1 / 0", "1.0 / 0", "0 / -5", "1 / 3", "2**60 / 3",
    "10**400 / 10**399", "1 / 10**400", "10**400 / 3", "3.0 + 10**400", "1e308 * 10",
    "1e308 + 1e308", "1e309 - 1e309", "(1e309 - 1e309) ** 0", "1.0 ** (1e309 - 1e309)",
    "(-8) ** (1/3)", "(-8.0) ** 0.5", "(-1) ** 0.5", "(-2.0) ** 1e309", "(-1.0) ** 1e300",
    "0.0 ** -1", "0.0 ** -1.5", "(-0.0) ** 3", "(-0.0) ** -3", "(-1e309) ** 3", "(-1e309) ** -3",
    "10.0 ** 400", "10.0 ** -400", "2.0 ** 0.5", "1j ** 2", "1j ** -1", "0j ** -1", "0j ** 0",
    "0j ** 1j", "(1+1j) ** 1e309", "1j ** 1e309", "(1+2j) ** (3+4j)", "(1+2j) ** 101",
    "(1+2j) ** 100", "(1+2j) ** -100", "(1e-200j) ** -2", "(1+1j) ** 0.5", "2 ** (1+1j)",
    "(1+2j) / 0", "(1+2j) / (3+4j)", "(1+2j) / 1e-320j", "1 / 1e309j", "(1+2j) // 1",
    "(1+2j) % 1", "1j * 10**400", "1j + True", "~True", "~1.0", "-True", "+True", "not ()",
    "not (0,)", "not 0j", "not ''", "not 1e309 - 1e309", "True & True", "True | 2", "True ^ True",
    "-1 & 2**100", "-(2**100) | 12345", "-(2**70) ^ -(2**65)", "~(2**200)", "'abc'[True]",
    "'abc'[-1]", "'abc'[3]", "'abc'[-4]", "'abc'[10**30]", "b'abc'[0]", "(1, 2)[1]", "(1, 2)[2]",
    "'abc'[1.0]", "'\\U0001f600x'[0]", "'x\\ud800'[1]", "(1, (2, 3))[1]", "None[0]", "1[0]",
    "__debug__", "not __debug__", "(__debug__, 1)", "'a' + 'b' * 3", "b'a' + b'b'", "'a' + b'b'",
    "(1,) + (2,)", "(1,) + [2][0]", "1 @ 2", "a in [1, 2]", "a in {1, 1.0, True}",
    "a not in {1, 2, 3}", "a in [1, a]", "a in {a, 1}", "a in [*b]", "a in {0, -0.0, False, 0j}",
    "a in {(1, 2), (1.0, 2.0)}", "a in {'a', b'a'}", "1 < 2 in [3]", "a in [] ", "a in {()}",
    "not (a is b)", "not (a is not b)", "not (a in b)", "not (a not in b)", "not (a == b)",
    "not (a < b < c)", "not (a in [1, 2])", "1 + 2 < 3 + 4", "(-1e309) ** 0.5",
    "(1e308 + 1e308j) * (1e308 + 1e308j)", "(1+2j) * 2", "2.5 * (1+2j)", "(1+2j) - 1",
    "-(1+2j)", "-0j", "-(-0.0)", "-0", "+(-0.0)", "0.1 + 0.2", "1e16 + 1.0", "4.5e15 // 0.1",
    "1e22 % 7", "-1e22 % 7", "5e-324 / 2", "5e-324 * 0.5", "9007199254740993 / 1",
    "(2**1023) * 2.0", "2**1024 / 2", "(2**1024) // 2.0",
    "a in {1, 1.0, 1+0j, True}", "a in {0.5, 0.5+0j, 0.5-0j}", "a in {1e309, 1e309, -1e309}",
    "a in {1e309-1e309, 1e309-1e309}", "a in {2**64, 2.0**64, 2**64+1}", "a in {(1, 2.0), (1.0, 2)}",
    "'\\ud800' + '\\udc00'", "('\\ud800' + '\\udc00')[1]", "'\\U0001f600' * 4096",
    "'\\U0001f600' * 4097", "'\\U0001f600x'[-1]", "u'a' + 'b'", "'a' * True",
    "a in {-0.0, 0.0, -0j}", "a in {'', b'', (), None, ...}", "a in {1j, 1j+0, 0+1j}",
]


def float_literal(x):
    """A source literal for float x (negative ones as a unary minus)."""
    if x != x:
        return "(1e309-1e309)"
    if x in (float("inf"), float("-inf")):
        return "1e309" if x > 0 else "(-1e309)"
    r = repr(abs(x))
    return f"(-{r})" if x < 0 or (x == 0 and str(x).startswith("-")) else r


def random_float():
    r = random.random()
    if r < 0.3:
        # Any bit pattern: subnormals, huge, tiny, inf, nan.
        return struct.unpack("<d", struct.pack("<Q", random.getrandbits(64)))[0]
    if r < 0.6:
        return random.uniform(-100, 100)
    if r < 0.8:
        return float(random.randint(-20, 20)) / random.choice([1, 2, 4, 3, 10])
    return random.choice([0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, 1e308, 5e-324, 1e-300, 1e300])


def random_int():
    bits = random.choice([1, 2, 3, 5, 8, 31, 53, 54, 63, 64, 65, 100, 127, 128, 129, 200, 1100])
    v = random.getrandbits(bits)
    if random.random() < 0.4:
        v = -v
    return f"({v})" if v < 0 else str(v)


def random_number():
    r = random.random()
    if r < 0.45:
        return random_int()
    if r < 0.85:
        return float_literal(random_float())
    re_, im = float_literal(random_float()), abs(random_float())
    if im != im:
        im = "(1e309j-1e309j)"
    elif im == float("inf"):
        im = "1e309j"
    else:
        im = repr(im) + "j"
    return f"({re_}+{im})" if random.random() < 0.7 else im


def numeric_pair():
    """`A op B` on random numbers: the arithmetic (rounding, signs, limits)."""
    op = random.choice(BINOPS[:-1] + ["**", "/", "//", "%"])
    a, b = random_number(), random_number()
    if op == "**" and random.random() < 0.5:
        b = random.choice(["0", "1", "2", "3", "-1", "-2", "0.5", "-0.5", "100", "101", "-100",
                           "-101", "64", "65", "127", "128", "129", "1.5", "(-3)"])
    if op in ("<<", ">>") and random.random() < 0.7:
        b = str(random.randint(0, 140))
    return f"{a} {op} {b}"


DOC_BODIES = ["'a'", "'a' + 'b'", "'abc'[0]", "('a', 'b')[0]", "f'x'", "1", "-1", "'a' * 2",
              "b'a' + b'b'", "u'a'", "'a' 'b'", "('a')", "x = 'a' + 'b'", "-'a'",
              "__debug__ and 'a'", "'%s' % 'a'"]
ITERS = ["[1, 2]", "[a, 1]", "{1, 2}", "{a, 1}", "[*a]", "(1, 2)", "[]", "{1, 1.0, True}",
         "[(1, 2), -3]", "[1, [2]]", "{(1, 2), 1 + 2}", "a", "[1] + [2]", "[a for a in b]",
         "[-0.0, 0.0]", "{-0.0, 0.0}", "[__debug__]"]


def iter_source(code, end_op):
    """What the instruction before END_OP (GET_ITER/GET_AITER) loads or builds."""
    ins = [i for i in dis.get_instructions(code) if i.opname != "CACHE"]
    for k, i in enumerate(ins):
        if i.opname == end_op and k > 0:
            prev = ins[k - 1]
            if prev.opname == "LOAD_CONST":
                return "const:" + canon(prev.argval)
            return {"BUILD_TUPLE": "tuple", "BUILD_LIST": "list", "LIST_EXTEND": "list",
                    "BUILD_SET": "set", "SET_UPDATE": "set"}.get(prev.opname, "other")
    return "none"


def stored_doc(code):
    """The constant a module or class body stores into `__doc__`, if any."""
    ins = [i for i in dis.get_instructions(code) if i.opname != "CACHE"]
    for k, i in enumerate(ins):
        if i.opname == "STORE_NAME" and i.argval == "__doc__" and ins[k - 1].opname == "LOAD_CONST":
            return ins[k - 1].argval
    return None


def statements():
    """Docstrings and loop iterables: one line per case, `kind\x1esource\x1eresult`."""
    out = []
    for b in DOC_BODIES:
        for kind, src in [("moddoc", f"{b}\n"), ("fndoc", f"def f():\n    {b}\n"),
                          ("classdoc", f"class C:\n    {b}\n")]:
            code = compile(src, "<fold>", "exec")
            if kind == "fndoc":
                code = code.co_consts[0]
                first = code.co_consts[0] if code.co_consts else None
                doc = first if isinstance(first, str) else None
            else:
                if kind == "classdoc":
                    code = code.co_consts[0]
                doc = stored_doc(code)
            out.append((kind, src, "None" if doc is None else canon(doc)))
    for it in ITERS:
        src = f"for x in {it}: pass\n"
        out.append(("for", src, iter_source(compile(src, "<fold>", "exec"), "GET_ITER")))
        src = f"[y for y in {it}]\n"
        out.append(("comp", src, iter_source(compile(src, "<fold>", "exec"), "GET_ITER")))
        src = f"async def f():\n    async for x in {it}: pass\n"
        fn = compile(src, "<fold>", "exec").co_consts[0]
        out.append(("afor", src, iter_source(fn, "GET_AITER")))
        src = f"x = a in {it}\n"
        out.append(("in", src, iter_source(compile(src, "<fold>", "exec"), "CONTAINS_OP")))
    for kind, src, result in out:
        sys.stdout.write(kind + "\x1e" + src.replace("\n", "\\n") + "\x1e" + result + "\n")


def main():
    if sys.argv[1] == "--statements":
        statements()
        return
    seed, count = int(sys.argv[1]), int(sys.argv[2])
    random.seed(seed)
    exprs = list(EDGES) + [expr(0) for _ in range(count)]
    exprs += [numeric_pair() for _ in range(count)]
    out = sys.stdout
    for e in exprs:
        consts = loaded_constants(e)
        out.write(e + "\x1e" + "\x1f".join(consts) + "\n")


main()
