class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x = x; self.y = y
def f(v):
    match v:
        case [1, 2, *rest]: return ("seq", rest)
        case {"a": 1, **kw}: return ("map", kw)
        case Point(0, y=yy): return ("pt0", yy)
        case Point(x, y): return ("pt", x, y)
        case int(n) if n > 5: return ("big", n)
        case str() | float(): return "strish"
        case (a, b): return ("pair", a, b)
        case _: return "other"
for v in [[1,2,3,4], {"a":1,"b":2}, Point(0,5), Point(1,2), 7, "s", (1,2), 3, range(2), {"a":2}]:
    print(f(v))
try:
    match Point(1,2):
        case Point(1,2,3): pass
except TypeError as e: print(e)
class B: __match_args__ = ["a"]
try:
    match B():
        case B(1): pass
except TypeError as e: print(e)
try:
    match Point(1,2):
        case Point(1, x=2): pass
except TypeError as e: print(e)
try:
    match 5:
        case int(1, 2): pass
except TypeError as e: print(e)
