# Tuples: packing, immutability, methods, comparison, hashing, namedtuple.
t = 1, 2, 3
print(t, type(t).__name__, len(t), t[1], t[-1], t[1:], t + (4,), t * 2, (1,) * 0, ())
print(t.count(2), t.index(3), 2 in t, (1, 2) < (1, 3), (1, 2, 3) > (1, 2), tuple("ab"), tuple([1]))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
print(hash((1, "a")) == hash((1, "a")), (1, [2]).__class__.__name__)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._fields, Point._make([7, 8]), p == (1, 2))
x, y = p
print(x, y, repr(Point(3, 4)), len(p), tuple(p))
import typing
class Emp(typing.NamedTuple):
    name: str
    dept: str = "eng"
print(Emp("ann"), Emp("bob", "ops").dept, Emp.__annotations__)
print(1, (2), (3,), ((1, 2),), tuple(range(3)) == (0, 1, 2), (1, 2) == [1, 2])
