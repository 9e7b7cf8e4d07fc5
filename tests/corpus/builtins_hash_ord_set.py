# Builtins that consume iterables: set(), frozenset(), dict(), list(), tuple() from generators.
g = (x % 4 for x in range(10))
print(set(g), frozenset("aab") == frozenset("ab"), tuple(x for x in "xy"), list(map(int, "123")))
print(dict((k, k * 2) for k in range(3)), dict.fromkeys(x for x in "ab"), sorted(frozenset(range(5))))
print(len(set(range(1000)) - set(range(0, 1000, 2))), max(set([3, 9, 1])), sum(frozenset({1, 2, 3})))
