# Sets of ints print in CPython's hash-table order.
print({3, 1, 2}, {8, 0, 16}, {9, 1}, {1, 9}, {6, 1, 9})
print({-1, -2}, {-2, -1}, {-1, -2, 5}, {-1, -2, 3, 4, 5, 6, 7, 8, 9, 10})
print({10**20, 2**61, 2**61 - 1, -2**63, 2**64, -(10**30)})
print(set(range(40, 0, -3)), set(range(0, 400, 37)))
s = {0, 8, 16, 24, 32}
print(s, set(s), s.copy(), frozenset(s))
big = set(range(1000))
print(len(big), list(big)[:5], list(big)[-5:])
s = set()
for i in range(30):
    s.add(i * 7 % 50)
print(s)
for i in range(0, 50, 4):
    s.discard(i)
print(s)
s.add(100); s.add(4); print(s)
print([s.pop() for _ in range(5)], s)
s.clear(); s.add(5); s.add(13); print(s, s.pop(), s)
