# Iteration order of small-int sets is deterministic (hash of int is the int).
print({3, 1, 2}, {10, 5, 1, 8}, list({100, 1, 50}), {-3, -5, 0})
s = set(range(20, 0, -3))
print(s, sorted(s) == list(s))
print(set([8, 16, 32, 1]), {1, 9, 17})
print(frozenset({5, 3, 1}), {True, 1, 1.0, 0, False})
