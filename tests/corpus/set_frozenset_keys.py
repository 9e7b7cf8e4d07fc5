# frozensets as dict keys and set members; set comprehension over tuples; set of ranges of ints.
edges = {frozenset({1, 2}): "a-b", frozenset({2, 3}): "b-c"}
print(edges[frozenset({2, 1})], frozenset({3, 2}) in edges, len(edges))
groups = {frozenset(s) for s in ([1, 2], [2, 1], [3], [1, 2, 3], [3, 2, 1])}
print(len(groups), sorted(sorted(g) for g in groups))
pairs = {(a, b) for a in range(4) for b in range(4) if a < b}
print(sorted(pairs), len(pairs))
nested = frozenset({frozenset({1}), frozenset({1, 2})})
print(frozenset({1}) in nested, sorted(len(x) for x in nested))
s = set(range(0, 20, 3)) & set(range(0, 20, 2))
print(sorted(s), min(s), max(s), sum(s), s == {0, 6, 12, 18}, s.issubset(range(20)))
