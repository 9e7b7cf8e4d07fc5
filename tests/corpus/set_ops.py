# set and frozenset: algebra, comparisons, methods, errors.
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9]), a.intersection(range(3)), a.difference({1}, {2}), a.symmetric_difference([4, 6]))
print({1, 2} <= a, {1, 2} < {1, 2}, a >= {1}, a.isdisjoint({7}), a.issubset(range(10)), a.issuperset([1, 2]))
s = set()
s.add(3); s.add(3); s.update([1, 2], (5,)); s.discard(99); s.remove(1)
print(sorted(s), len(s), 2 in s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
print(s.pop() in {2, 3, 5}, len(s))
fs = frozenset([1, 2, 2])
print(fs, hash(fs) == hash(frozenset({2, 1})), fs | {3}, type(fs | {3}).__name__, type({3} | fs).__name__)
try:
    fs.add(1)
except AttributeError as e:
    print("AttributeError:", e)
print({frozenset({1}), frozenset({1})}, set() == frozenset(), {1, 2} == {2, 1})
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
s = {1, 2, 3}
s &= {2, 3, 4}; s |= {10}; s -= {3}; s ^= {2, 20}
print(sorted(s), set("hello") == set("olleh"), sorted(set("mississippi")))
x = {1, 2, 3}
try:
    for v in x:
        x.add(v + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted({n % 7 for n in range(100)}), repr(set()), repr(frozenset()), {1, 2}.copy())
