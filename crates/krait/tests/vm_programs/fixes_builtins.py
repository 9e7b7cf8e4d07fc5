# Assorted builtins gaps: dict/slice comparisons, builtin function attributes,
# cells, iter(callable, sentinel), property messages, arity messages, bytes
# methods, big-int true division, zip(strict=True), reflected operators.
import types

print({'a': 1, 'b': 2} == {'b': 2, 'a': 1}, {1: 2} == {1: 2.0}, {1: 2} != {1: 3}, {} == [])
s = slice(1, 10, 2)
print(s, repr(slice(None)), s == slice(1, 10, 2), s < slice(2, 0))
try:
    hash(s)
except TypeError as e:
    print("TypeError:", e)

lst = []
app = lst.append
print(app.__self__ is lst, app.__name__, app.__qualname__, len.__name__, len.__qualname__)
print(len.__self__.__name__, len.__module__, list.append.__qualname__, list.append.__objclass__)
print([].append.__text_signature__ is None or True)

def outer():
    v = 41
    def inner():
        return v
    return inner
f = outer()
cell = f.__closure__[0]
print(cell.cell_contents)
cell.cell_contents = 7
print(f(), types.CellType(3).cell_contents)
del cell.cell_contents
try:
    cell.cell_contents
except ValueError as e:
    print("ValueError:", e)
empty = types.CellType()
try:
    empty.cell_contents
except ValueError as e:
    print("ValueError:", e)

g = types.FunctionType(f.__code__, {}, "clone", None, (types.CellType(5),))
print(g(), g.__name__)
try:
    types.FunctionType(f.__code__, {})
except TypeError as e:
    print("TypeError:", e)
m = types.ModuleType("dyn", "doc of dyn")
print(m.__name__, m.__doc__, m.__spec__)

vals = iter([1, 2, 3, 0, 4])
print(list(iter(lambda: next(vals), 0)))
try:
    iter(1, 2)
except TypeError as e:
    print("TypeError:", e)

class Temp:
    @property
    def c(self):
        "Temperature in C."
        return 1
    y = property()
t = Temp()
print(Temp.c.__doc__)
for what in ("c", "y"):
    try:
        setattr(t, what, 2)
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        delattr(t, what)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    t.y
except AttributeError as e:
    print("AttributeError:", e)

for expr in ("[].append(1, 2)", "[].append()", "''.join()", "{}.get()", "[].insert(1)",
             "[].pop(1, 2)", "{}.keys(1)", "''.upper(1)", "''.zfill()", "set().add()"):
    try:
        eval(expr)
    except TypeError as e:
        print(expr, "->", e)

try:
    a, b = iter([1, 2, 3])
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)

print(b"Hello".swapcase(), b"hello world".title(), b"ab".center(7, b"*"), b"-5".zfill(5))
print(b"a,b,c".partition(b","), bytearray(b"a,b,c").rpartition(b","), b" a b  c ".rsplit(None, 1))
print(b"a\nb\r\nc".splitlines(), b"abc".translate(bytes.maketrans(b"ab", b"xy"), b"c"), b"Ab Cd".istitle())

print(2 ** 2000 / 2 ** 1990, 1 / 10 ** 400, 10 ** 23 / 3, -7 / 10 ** 20)
try:
    10 ** 400 / 3
except OverflowError as e:
    print("OverflowError:", e)
print(float("\u0663.\u0665"), complex(2), format(3, ""))

class IntLike:
    def __index__(self):
        return 42
class FloatLike:
    def __float__(self):
        return 4.5
class ComplexLike:
    def __complex__(self):
        return 1j
print(complex(IntLike()), complex(FloatLike()), complex(ComplexLike()))

for args in ([[1, 2], [3]], [[1], [3, 4]], [[1], [2], [3, 4]]):
    try:
        list(zip(*args, strict=True))
    except ValueError as e:
        print("ValueError:", e)

class A:
    def __add__(self, o):
        print("A.__add__")
        return NotImplemented
    def __radd__(self, o):
        return "A.radd"
class B(A):
    def __radd__(self, o):
        return "B.radd"
print(A() + B(), [1] + A())
try:
    [1] + 1
except TypeError as e:
    print("TypeError:", e)

class R:
    def __divmod__(self, o):
        return ("dm", o)
    def __rdivmod__(self, o):
        return ("rdm", o)
print(divmod(R(), 2), divmod(2, R()))
try:
    divmod("a", 1)
except TypeError as e:
    print("TypeError:", e)

class P:
    def __format__(self, spec):
        return "P<" + spec + ">"
print(f"{P()}", format(P()), f"{P():x}")

class Loud:
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
print(Loud().secret_key)

class Dyn:
    def __dir__(self):
        return ["z", "a"]
print(dir(Dyn()))

class NoIter:
    __iter__ = None
try:
    iter(NoIter())
except TypeError as e:
    print("TypeError:", e)

def annotated(x: int, y: "str") -> list:
    pass
print(annotated.__annotations__, outer.__annotations__)
print(eval("1 + 1", {"__builtins__": {}}))
try:
    eval("len('x')", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)

d = {}
try:
    d.update([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    d.update([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
l = [1, 2, 3]
try:
    l[0:1] = 5
except TypeError as e:
    print("TypeError:", e)
def star(*a):
    return a
try:
    star(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    "\xe9".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
o = object()
print(object.__ne__(o, 1), o.__lt__(o))
try:
    countr = 1
    del countr
    countr
except NameError as e:
    print(e.name)

import sys
import operator
sys.unraisablehook = lambda u: print("unraisable:", type(u.exc_value).__name__, u.exc_value, u.object.__qualname__)
class Noisy:
    def __del__(self):
        raise RuntimeError("in __del__")
n = Noisy()
del n
print(range(10)[::3], range(10)[5:2], range(0, 10, 3)[::-2], range(3, 30, 4)[::-1])
class Meta(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Duck(metaclass=Meta):
    pass
class Mallard:
    quack = True
print(isinstance(Mallard(), Duck), isinstance(1, Duck), issubclass(Mallard, Duck), isinstance(1, (str, Duck, int)))
print(type(iter(b"a")).__name__, type(iter(bytearray())).__name__, type(reversed([1])).__name__,
      type(iter({}.items())).__name__, type(iter({}.values())).__name__)
print(operator.length_hint(iter([1, 2, 3])), operator.length_hint(iter(range(10))), operator.length_hint(iter((1,))))
u = UnicodeEncodeError("ascii", "a\xe9", 1, 2, "ordinal not in range")
print(u.encoding, u.object, u.start, u.end, u.reason, u)
