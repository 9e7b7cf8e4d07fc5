# type(name, bases, dict), __class__ assignment, type identity.
def init(self, v): self.v = v
Point = type("Point", (), {"__init__": init, "__repr__": lambda self: "P(%r)" % self.v, "kind": "pt"})
p = Point(3)
print(p, Point.kind, Point.__name__, Point.__qualname__, Point.__module__)
Sub = type("Sub", (Point,), {"extra": True})
print(Sub(1), Sub.__mro__[1] is Point, Sub.extra, isinstance(Sub(1), Point))
class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
o = A()
o.__class__ = B
print(o.who(), type(o).__name__)
try:
    (1).__class__ = str
except TypeError as e:
    print("TypeError:", e)
try:
    type("X", (1,), {})
except TypeError as e:
    print("TypeError:", e)
try:
    type("X", (bool,), {})
except TypeError as e:
    print("TypeError:", e)
print(type.__name__, type(type) is type, type.__base__, object.__base__)
