# ranges with big-int bounds: indexing, slicing, in, count, index, ==, hash, reversed.
big = range(-10**20, 10**20, 3)
print(big, len(range(10**18)), big[0], big[-1], big[10**19], big[5:10], big[::-10**19], big[10**30:], big[-10**30:2])
print(10**19 + 1 in big, -10**20 in big, 10**20 in big, 3.0 in range(5), True in range(2), big.count(-10**20 + 3), big.index(-10**20 + 6))
try: big.index(1)
except ValueError as e: print(e)
try: big[10**21]
except IndexError as e: print(e)
try: big['a']
except TypeError as e: print(e)
try: len(big)
except OverflowError as e: print(e)
print(big.start, big.stop, big.step, big == range(-10**20, 10**20, 3), big == range(-10**20, 10**20 + 1, 3), hash(big) == hash(range(-10**20, 10**20, 3)))
print(range(10)[::3], range(10)[2:100], range(10)[-100:3], range(10)[::-1], range(0, 10, 3)[::-2])
try: range(10)[10**20]
except IndexError as e: print(e)
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))), next(reversed(range(10**20))), type(reversed(range(3))).__name__, type(reversed(range(10**20))).__name__)
r = range(-2**63, 2**63 - 1)
print(2**63 - 2 in r, r[-1], r[2**63], r[1:][0], range(2**62, 2**63-1, 2**62)[::-1])
try: len(r)
except OverflowError as e: print(e)
print(range(5)[True], range(3).count(1.0), range(3).index(True), list(range(10**20, 10**20 + 3)), list(range(2**63 - 2, 2**63 + 1)))
