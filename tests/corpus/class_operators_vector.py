# A complete value class: arithmetic, comparison, hashing, iteration, formatting, bool, len.
import math
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x=0, y=0): self.x, self.y = x, y
    def __repr__(self): return f"Vec({self.x!r}, {self.y!r})"
    def __str__(self): return f"({self.x}, {self.y})"
    def __format__(self, spec): return f"<{format(self.x, spec)}, {format(self.y, spec)}>"
    def __iter__(self): yield self.x; yield self.y
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __eq__(self, o): return isinstance(o, Vec) and tuple(self) == tuple(o)
    def __hash__(self): return hash((self.x, self.y))
    def __abs__(self): return math.hypot(self.x, self.y)
    def __bool__(self): return bool(self.x or self.y)
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k) if isinstance(k, (int, float)) else NotImplemented
    __rmul__ = __mul__
    def __neg__(self): return Vec(-self.x, -self.y)
    def __lt__(self, o): return abs(self) < abs(o)
v, w = Vec(3, 4), Vec(1, -2)
print(v, repr(v), f"{v:.2f}", abs(v), bool(Vec()), len(v), list(v), v[1], v + w, v - w, 2 * v, v * 0.5, -w)
print(v == Vec(3, 4), v != w, {v, Vec(3, 4), w} == {v, w}, sorted([v, w, Vec(0, 1)]), max([v, w]))
x, y = v
print(x, y, dict(a=v)["a"], [str(p) for p in (v, w)])
try:
    v * "s"
except TypeError as e:
    print("TypeError:", e)
try:
    v.z = 1
except AttributeError as e:
    print("AttributeError:", e)
