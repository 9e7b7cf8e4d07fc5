# Unusual assignment targets: attributes and subscripts in for/with/unpacking targets.
class NS:
    pass
ns = NS()
d = {}
lst = [0] * 4
for ns.attr in range(3):
    pass
print(ns.attr)
for d["k"] in "xyz":
    pass
print(d)
for lst[0], lst[1] in [(1, 2), (3, 4)]:
    pass
print(lst)
class CM:
    def __enter__(self): return (10, 20)
    def __exit__(self, *e): return False
with CM() as (a, b):
    print(a, b)
with CM() as ns.pair:
    pass
with CM() as d["cm"]:
    pass
print(ns.pair, d["cm"])
[x, y], (z, *w) = "ab", range(4)
print(x, y, z, w)
lst[1:3], ns.other = ["s", "t"], "o"
print(lst, ns.other)
ns.n = 0
ns.n += 1; d["k"] += "!"; lst[-1] += 5
print(ns.n, d["k"], lst)
(ns.t1, d[1]), lst[2:] = (1, 2), ()
print(ns.t1, d[1], lst)
i = 0
i, lst[i] = 1, "at index 1"
print(lst)
