# Container protocol: __len__, __getitem__, __setitem__, __delitem__, __contains__, __missing__, __reversed__.
class Grid:
    def __init__(self, w, h): self.w, self.h, self.cells = w, h, {}
    def __len__(self): return self.w * self.h
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("cell %r out of range" % (pos,))
        return self.cells.get(pos, ".")
    def __setitem__(self, pos, v): self.cells[pos] = v
    def __delitem__(self, pos): del self.cells[pos]
    def __contains__(self, v): return v in self.cells.values()
g = Grid(3, 2)
g[1, 1] = "#"
g[0, 0] = "@"
print(len(g), g[1, 1], g[2, 1], "#" in g, "?" in g)
del g[1, 1]
print("#" in g)
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
class Defaulting(dict):
    def __missing__(self, k):
        return "missing " + repr(k)
dd = Defaulting(a=1)
print(dd["a"], dd["b"], dd.get("b"), "b" in dd)
class Countdown:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return self.n - i
    def __reversed__(self): return iter(range(1, self.n + 1))
c = Countdown(4)
print(list(c), list(reversed(c)), 2 in c, 9 in c, sorted(c))
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class BigLen:
    def __len__(self): return 2 ** 70
try:
    len(BigLen())
except OverflowError as e:
    print("OverflowError:", e)
class FloatLen:
    def __len__(self): return 1.5
try:
    len(FloatLen())
except TypeError as e:
    print("TypeError:", e)
