# compile/exec/eval and code objects: the example and namespace rules.
import sys

src = "total = 0\nfor i in range(4):\n    total += i\nprint('in exec', total)\n"
code = compile(src, "<example>", "exec")
print(repr(code).startswith("<code object <module> at 0x"), repr(code).endswith('file "<example>", line 1>'))
print(type(code), type(code).__name__)
print(code.co_name, code.co_filename, code.co_firstlineno, code.co_names, code.co_consts)
print(code.co_argcount, code.co_nlocals, code.co_varnames, code.co_flags)
ns = {}
exec(code, ns)
print(ns["total"], "__builtins__" in ns)
print(eval("total * 10", ns), eval(compile("3 + 4", "<e>", "eval")))
print(list(compile("x = 1\ny = 2\n", "<l>", "exec").co_lines()))
print(list(compile("a + b", "<p>", "eval").co_positions())[:3])


def f(p, q=1, *args, k, **kw):
    r = p + q
    def g():
        return r
    return g


c = f.__code__
print(c.co_argcount, c.co_kwonlyargcount, c.co_varnames, c.co_cellvars, c.co_nlocals)
print(f(1, k=2).__code__.co_freevars, c.co_qualname, c._varname_from_oparg(1))
c2 = c.replace(co_name="renamed")
print(c2.co_name, c2 == c, c == f.__code__, hash(c) == hash(f.__code__))
print(compile("1", "a", "eval") == compile("1", "a", "eval"))


def scope():
    v = 7
    print(eval("v + 1"), sorted(locals()), "v" in dir())
    exec("w = v * 3")
    return locals()["w"]


print(scope())
g = {"base": 100}
l = {}
exec("def add(n):\n    return n + base\nres = add(1)\n", g, l)
print(sorted(l), l["res"], sorted(k for k in g if k != "__builtins__"))
print(sorted(vars().keys())[:3] == sorted(globals().keys())[:3])
for bad in ["1 +", "def f(:\n    pass", "x = (1,\n", "return 5"]:
    try:
        compile(bad, "<bad>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset, repr(e.text))
try:
    compile("x", "<m>", "bogus")
except ValueError as e:
    print("ValueError:", e)
try:
    exec("1", [])
except TypeError as e:
    print("TypeError:", e)
try:
    eval(42)
except TypeError as e:
    print("TypeError:", e)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print("caught", e)


def one():
    return 1


def two():
    return 2


one.__code__ = two.__code__
print(one(), one.__code__.co_name, one.__name__)
try:
    one.__code__ = "nope"
except TypeError as e:
    print("TypeError:", e)


def mk():
    cell = 5
    def uses():
        return cell
    return uses


try:
    one.__code__ = mk().__code__
except ValueError as e:
    print("ValueError:", e)
