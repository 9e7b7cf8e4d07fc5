# dict views over int keys: set operations, isdisjoint, comparisons, length after mutation.
a = {1: "a", 2: "b", 3: "c"}
b = {2: "x", 3: "c", 4: "d"}
print(a.keys() & b.keys(), a.keys() | b.keys(), a.keys() - b.keys(), a.keys() ^ b.keys())
print(a.items() & b.items(), a.keys().isdisjoint({9}), a.keys() <= {1, 2, 3, 4}, a.keys() == {3, 2, 1})
v = a.values()
a[5] = "e"
print(len(v), list(v), "e" in v, list(a.items())[-1])
print(sorted(a.keys() - {1}), {k: a[k] for k in a.keys() & {1, 5}}, type(a.keys() & b.keys()).__name__)
print(list(zip(a.keys(), a.values())) == list(a.items()), list(reversed(a.values())))
