# __format__, __repr__, __str__, and how format()/str()/repr()/f-strings use them.
class Money:
    def __init__(self, cents): self.cents = cents
    def __repr__(self): return "Money(%d)" % self.cents
    def __str__(self): return "$%d.%02d" % divmod(self.cents, 100)
    def __format__(self, spec):
        if spec == "":
            return str(self)
        if spec == "c":
            return "%d cents" % self.cents
        return format(self.cents / 100, spec)
m = Money(1234)
print(m, repr(m), str(m), format(m), format(m, "c"), format(m, ">10.1f"))
print(f"{m}|{m!r}|{m!s}|{m:c}|{m:08.3f}")
print([m], (m,), {"k": m})
class OnlyRepr:
    def __repr__(self): return "<OnlyRepr>"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}")
try:
    format(object(), "x")
except TypeError as e:
    print("TypeError:", e)
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class Rec(list):
    pass
r = Rec([1])
r.append(r)
print(r, repr([[...]]))
d = {}
d["self"] = d
print(d)
