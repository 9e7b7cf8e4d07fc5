# Set algorithms on ints: union-find components, set cover greedy, power set.
edges = [(1, 2), (2, 3), (4, 5), (6, 6), (7, 5), (8, 9), (9, 1)]
parent = {}
def find(x):
    parent.setdefault(x, x)
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
for a, b in edges:
    ra, rb = find(a), find(b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
groups = {}
for n in list(parent):
    groups.setdefault(find(n), set()).add(n)
print(sorted(sorted(g) for g in groups.values()))
universe = set(range(1, 11))
subsets = [{1, 2, 3, 8}, {1, 2, 3, 4, 5}, {4, 5, 7}, {5, 6, 7}, {6, 7, 8, 9, 10}]
cover, left = [], set(universe)
while left:
    best = max(subsets, key=lambda s: (len(s & left), -subsets.index(s)))
    cover.append(sorted(best))
    left -= best
print(cover)
def powerset(s):
    out = [set()]
    for x in sorted(s):
        out += [sub | {x} for sub in out]
    return out
print([sorted(p) for p in powerset({1, 2, 3})], len(powerset(set(range(8)))))
