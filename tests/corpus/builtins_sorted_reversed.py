# sorted and reversed on many iterables.
print(sorted("hello"), sorted((3, 1)), sorted({3: "a", 1: "b"}), sorted({5, 2}), sorted(range(3), reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))))
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.values())))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    reversed(x for x in "a")
except TypeError as e:
    print("TypeError:", e)
r = reversed([1, 2, 3])
print(type(r).__name__, next(r), r.__length_hint__(), list(r))
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print("TypeError:", e)
print(sorted([3, 1, 2], key=None), sorted(["a", "B", "c"], key=str.upper, reverse=True))
