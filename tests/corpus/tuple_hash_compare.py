# Tuples as keys: hashing of nested tuples, comparison with mixed element types, sort stability.
d = {}
for key in [(1, 2), (1, (2, 3)), ((), ()), (None,), (1.0, 2), (True, 2)]:
    d[key] = d.get(key, 0) + 1
print(d)
print((1, 2) == (1.0, 2.0), hash((1, 2)) == hash((1.0, 2.0)), (1, 2) < (1, 2, -1), () < (0,))
recs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(recs, key=lambda r: r[1]), sorted(recs), sorted(recs, key=lambda r: (-r[1], r[0])))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError:", e)
print((1, [2]) == (1, [2]), (1, float("nan")) == (1, float("nan")), max([(1, "z"), (2, "a"), (2, "b")]))
