# match class patterns: positional via __match_args__, keywords, builtins, dataclasses.
from dataclasses import dataclass
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
@dataclass
class Circle:
    center: Point
    r: float
def where(obj):
    match obj:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return "on y axis at %r" % (y,)
        case Point(x, 0):
            return "on x axis at %r" % (x,)
        case Circle(Point(x, y), r=r) if r > 10:
            return "big circle at %r,%r" % (x, y)
        case Circle(center=c, r=r):
            return "circle r=%r centered %r" % (r, (c.x, c.y))
        case int(n) | float(n):
            return "number %r" % (n,)
        case str(s):
            return "string %r" % (s,)
        case list([a, *_]):
            return "list starting %r" % (a,)
        case dict(d):
            return "dict of %d" % len(d)
        case _:
            return "unknown"
for o in (Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), Circle(Point(1, 2), 20),
          Circle(Point(0, 0), 1), 4, 2.5, "s", [9, 8], {1: 1}, None):
    print(where(o))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
class TooFew:
    __match_args__ = ("a",)
    a = 1
try:
    match TooFew():
        case TooFew(1, 2):
            pass
except TypeError as e:
    print("TypeError:", e)
match TooFew():
    case TooFew(a=1, b=2):
        print("no")
    case TooFew(a=1):
        print("attr keyword match")
