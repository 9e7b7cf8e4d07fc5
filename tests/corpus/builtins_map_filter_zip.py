# map, filter, zip (incl. strict), enumerate with start; laziness.
print(list(map(str.upper, "abc")), list(map(pow, [2, 3], [3, 2])), list(map(lambda *a: sum(a), [1, 2], [3, 4], [5, 6])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(str.isdigit, "a1b2")))
print(list(zip("abc", range(10))), list(zip()), list(zip([1])), dict(zip("ab", "xy")))
try:
    list(zip("ab", "xyz", strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(enumerate("xyz", start=10)), list(enumerate([])), next(enumerate("q", -1)))
m = map(lambda x: print("mapping", x) or x, [1, 2])
print("map created")
print(next(m))
print(type(map(len, [])).__name__, type(zip()).__name__, type(filter(None, [])).__name__)
z = zip(iter([1, 2, 3]), iter("ab"))
print(list(z), list(z))
try:
    map(1, [1]).__next__()
except TypeError as e:
    print("TypeError:", e)
