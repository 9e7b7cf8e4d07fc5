# isinstance/issubclass with tuples and unions, getattr/setattr/hasattr/delattr, type().
class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(1, (str, int)), isinstance(1, int | str), issubclass(bool, int), issubclass(B, (str, A)))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(type, object), issubclass(type, object))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
o = A()
setattr(o, "x", 5)
print(getattr(o, "x"), hasattr(o, "x"), hasattr(o, "y"), getattr(o, "y", None))
delattr(o, "x")
print(hasattr(o, "x"))
try:
    getattr(o, "y")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(o, 5)
except TypeError as e:
    print("TypeError:", e)
print(type(1), type("a"), type(type), type(A), type(o).__name__, type(o) is A)
class Prop:
    @property
    def boom(self): raise ValueError("not AttributeError")
try:
    hasattr(Prop(), "boom")
except ValueError as e:
    print("hasattr propagates:", e)
print(getattr(1, "real"), getattr("s", "upper")(), getattr(A, "__name__"))
