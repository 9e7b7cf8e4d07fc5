# match: a small expression simplifier using nested class patterns and guards.
from dataclasses import dataclass
@dataclass
class Num:
    v: int
@dataclass
class Add:
    l: object
    r: object
@dataclass
class Mul:
    l: object
    r: object
def simplify(e):
    match e:
        case Add(Num(0), x) | Add(x, Num(0)):
            return simplify(x)
        case Mul(Num(1), x) | Mul(x, Num(1)):
            return simplify(x)
        case Mul(Num(0), _) | Mul(_, Num(0)):
            return Num(0)
        case Add(Num(a), Num(b)):
            return Num(a + b)
        case Mul(Num(a), Num(b)):
            return Num(a * b)
        case Add(l, r):
            new = Add(simplify(l), simplify(r))
            return new if new == e else simplify(new)
        case Mul(l, r):
            new = Mul(simplify(l), simplify(r))
            return new if new == e else simplify(new)
        case _:
            return e
def show(e):
    match e:
        case Num(v): return str(v)
        case Add(l, r): return "(%s + %s)" % (show(l), show(r))
        case Mul(l, r): return "%s * %s" % (show(l), show(r))
        case str(name): return name
exprs = [Add(Num(0), "x"), Mul(Add(Num(1), Num(2)), Num(1)), Add(Mul("y", Num(0)), Mul(Num(3), Num(4))), Mul("a", Add("b", Num(0)))]
for e in exprs:
    print(show(e), "=>", show(simplify(e)))
