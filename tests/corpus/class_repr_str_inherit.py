# Default object repr/str/format/eq/hash behaviour and overriding only some of them.
class OnlyStr:
    def __str__(self): return "OnlyStr!"
o = OnlyStr()
print(str(o), "%s" % o, format(o), f"{o}", repr(o).startswith("<__main__.OnlyStr object at "))
class OnlyRepr:
    def __repr__(self): return "OnlyRepr()"
print(str(OnlyRepr()), [OnlyRepr()], f"{OnlyRepr()!s}")
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, other): return isinstance(other, Eq) and self.v == other.v
print(Eq(1) == Eq(1), Eq(1) != Eq(1), Eq.__hash__ is None)
class EqHash(Eq):
    __hash__ = object.__hash__
print(EqHash(1) == EqHash(1), isinstance(hash(EqHash(1)), int))
print(object.__eq__(o, o), object.__eq__(o, 1), object.__ne__(o, 1), o.__lt__(o))
