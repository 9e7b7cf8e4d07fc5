# Starred and tuple assignment, swaps, nested targets.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
x, *mid, y = range(6)
print(x, mid, y)
(p, q), [r, s] = (1, 2), "ab"
print(p, q, r, s)
a = b = c = [0]
a.append(1)
print(a is b, b is c, c)
for i, (k, *vs) in enumerate([("a", 1, 2), ("b",), ("c", 3)]):
    print(i, k, vs)
try:
    u, v = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    u, v, w = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    u, *v, w = [1]
except ValueError as e:
    print("ValueError:", e)
d = {}
d["x"], d["y"] = 10, 20
print(sorted(d.items()))
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 5
print(i, lst)
head, *tail = ()  or [None]
print(head, tail)
print([*range(3), *"ab", *(x for x in (9,))])
print({**{"a": 1}, "b": 2, **dict(c=3)})
print((*[1, 2],))
