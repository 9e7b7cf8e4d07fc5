# Allocation churn: many short-lived objects and cycles; counts stay correct.
import gc
class Link:
    __slots__ = ("nxt", "__weakref__")
    def __init__(self, nxt=None): self.nxt = nxt
total = 0
for round_ in range(50):
    ring = Link()
    cur = ring
    for _ in range(200):
        cur = Link(cur)
    ring.nxt = cur
    total += 201
    del ring, cur
gc.collect()
print("built", total, "links")
d = {}
for i in range(10000):
    d[i] = [i] * 3
    if i % 3 == 0:
        del d[i]
print(len(d), sum(len(v) for v in d.values()))
s = "".join(str(i) for i in range(5000))
print(len(s), s[-8:])
big = [list(range(50)) for _ in range(500)]
print(sum(map(sum, big)))
del big
print(gc.collect() >= 0)
