# range objects: slicing, containment, len, reversed, equality, big values.
r = range(3, 30, 4)
print(r, list(r), len(r), r[2], r[-1], r[1:4], r[::-1], 7 in r, 8 in r, r.index(11), r.count(15))
print(range(0), list(range(5, 0, -2)), range(10)[::3], len(range(-5, 5)), range(1, 2) == range(1, 2, 5))
big = range(0, 10**20, 7)
print(big[10**18], 10**19 + 3 in big, big.index(7 * 10**17))
try:
    len(range(10**20))
except OverflowError as e:
    print("OverflowError:", e)
try:
    range(0, 10, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r[100]
except IndexError as e:
    print("IndexError:", e)
print(r.start, r.stop, r.step, hash(range(3)) == hash(range(0, 3)), list(reversed(range(3))), range(3) == range(0, 3, 1))
