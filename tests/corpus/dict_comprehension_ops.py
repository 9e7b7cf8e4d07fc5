# Dict algorithms: grouping, inverting, merging, counting, nested updates.
text = "one two three two one four one"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
def deep_merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = deep_merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out
print(deep_merge({"x": {"y": 1, "z": 2}, "w": 0}, {"x": {"y": 10, "q": 3}, "w": {"n": 1}}))
matrix = {(r, c): r * c for r in range(3) for c in range(3)}
print(sum(v for (r, c), v in matrix.items() if r == c), min(matrix, key=lambda k: (-matrix[k], k)))
print(dict(sorted({"b": 2, "a": 1, "c": 0}.items())), {k: v for k, v in zip(range(5), "abcde") if k % 2})
