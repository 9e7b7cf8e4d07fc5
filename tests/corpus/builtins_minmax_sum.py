# min, max, sum, any, all: keys, defaults, start values, errors.
print(min(3, 1, 2), max([3, 1, 2]), min("bca"), max([[1, 2], [3]], key=len), min([], default="empty"))
print(max([("a", 3), ("b", 3), ("c", 1)], key=lambda t: t[1]), min(["bb", "a", "cc"], key=len))
for bad in (lambda: min([]), lambda: max(), lambda: max(1), lambda: min(1, 2, default=0)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum((0.1,) * 3), sum(range(101)), sum([], 5))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(any([]), all([]), any([0, "", 1]), all([1, "x", [0]]), any(x > 5 for x in range(10)), all(x < 5 for x in range(10)))
def noisy(v):
    print("check", v)
    return v
print(any(noisy(v) for v in (0, 1, 2)), all(noisy(v) for v in (1, 0, 2)))
print(max(1, 2.0), min(-0.0, 0.0), max("a", "B"), max(range(0, 100, 7)), sum([2**64, 2**64]))
