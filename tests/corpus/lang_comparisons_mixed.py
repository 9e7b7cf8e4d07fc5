# Comparisons across types: equality always works, ordering raises; sequences compare lexicographically.
pairs = [(1, 1.0), (1, "1"), ([1], (1,)), (None, 0), (None, None), ("a", b"a"), (1j, 1), ({}, []), (True, 1), (frozenset(), set())]
for a, b in pairs:
    print(repr(a), repr(b), a == b, a != b)
for a, b in [(1, "1"), (None, 0), ([1], (1,)), (1j, 2j), ({}, {})]:
    try:
        a < b
    except TypeError as e:
        print("TypeError:", e)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], (2,) > (1, 9, 9), "Z" < "a", [[1], [2]] < [[1], [3]])
print({1, 2} < {1, 2, 3}, {1, 2} < {3}, {1} <= {1}, max([[1, 2], [1, 3], [0, 9]]))
