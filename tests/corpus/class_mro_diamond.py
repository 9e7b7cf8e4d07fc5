# Multiple inheritance, C3 MRO, cooperative super calls.
class A:
    def who(self): return ["A"]
class B(A):
    def who(self): return ["B"] + super().who()
class C(A):
    def who(self): return ["C"] + super().who()
class D(B, C):
    def who(self): return ["D"] + super().who()
print(D().who())
print([k.__name__ for k in D.__mro__])
print(D.mro() == list(D.__mro__), issubclass(D, A), isinstance(D(), C))
try:
    class X(A, B): pass
except TypeError as e:
    print("TypeError:", e)
class Mixin:
    def describe(self): return "mixin sees " + self.name
class Named:
    def __init__(self, name): self.name = name
class Thing(Mixin, Named): pass
print(Thing("t").describe(), Thing.__bases__)
print(object.__subclasses__ is not None, [c.__name__ for c in A.__subclasses__()])
class E(D): pass
print(E.__base__.__name__, E.__mro__[1].__name__)
