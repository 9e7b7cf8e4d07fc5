# Tuple unpacking patterns: swap, rotate, nested, returns, enumerate/zip.
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([4, 9, 1])
print(lo, hi)
pts = [(1, (2, 3)), (4, (5, 6))]
for x, (y, z) in pts:
    print(x + y + z, end=" ")
print()
for i, (k, v) in enumerate(sorted({"b": 1, "a": 2}.items())):
    print(i, k, v)
print(list(zip(*[(1, "a"), (2, "b"), (3, "c")])))
print(divmod(17, 5), (lambda *a: a)(*range(3)))
