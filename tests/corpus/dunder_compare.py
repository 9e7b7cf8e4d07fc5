# Rich comparison: reflection, NotImplemented, total_ordering, identity fallback.
import functools
class W:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("W.__eq__", self.v)
        return isinstance(o, W) and self.v == o.v
    def __lt__(self, o):
        print("W.__lt__", self.v)
        if not isinstance(o, W): return NotImplemented
        return self.v < o.v
    __hash__ = None
print(W(1) == W(1), W(1) != W(2), W(1) < W(2), W(3) > W(2))
print(W(1) == 1)
try:
    W(1) < 5
except TypeError as e:
    print("TypeError:", e)
try:
    hash(W(1))
except TypeError as e:
    print("TypeError:", e)
@functools.total_ordering
class Ver:
    def __init__(self, s): self.t = tuple(map(int, s.split(".")))
    def __eq__(self, o): return self.t == o.t
    def __lt__(self, o): return self.t < o.t
    def __repr__(self): return "Ver(%s)" % ".".join(map(str, self.t))
vs = [Ver("1.10"), Ver("1.2"), Ver("0.9.9")]
print(sorted(vs), max(vs), Ver("1.0") >= Ver("1.0"), Ver("2.0") <= Ver("1.0"))
class Plain: pass
p = Plain()
print(p == p, p == Plain(), p != Plain())
try:
    p < p
except TypeError as e:
    print("TypeError:", e)
class Sub(W):
    def __eq__(self, o):
        print("Sub.__eq__ (reflected first)")
        return True
print(W(1) == Sub(2))
print([1, 2] < [1, 3], (1, "a") < (1, "b"), "abc" < "abd", [1] == [1.0], {1: 2} == {1: 2.0})
