# Dict keys: numeric equality across types, tuples, frozensets, None, unhashables.
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d2 = {(1, 2): "t", frozenset({1}): "fs", None: "none", "": "empty", 0.5: "half", -0.0: "zero"}
print(d2[(1, 2)], d2[frozenset([1])], d2[None], d2[""], d2[0.5], d2[0], d2[False])
try:
    d2[[1, 2]] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    {1: 2}[{}]
except TypeError as e:
    print("TypeError:", e)
nan = float("nan")
dn = {nan: 1}
print(dn[nan], float("nan") in dn)
print({2**64: "big"}[2**64], {"a" * 3: 1}["aaa"], {(1, (2, 3)): "nested"}[(1, (2, 3))])
