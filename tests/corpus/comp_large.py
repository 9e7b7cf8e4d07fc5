# Comprehensions over many items, conditional expressions, and builtin consumers.
data = [(i, i * 7 % 11, "s%d" % i) for i in range(200)]
print(len(data), data[:3], data[-1])
by_mod = {}
for i, r, s in data:
    by_mod.setdefault(r, []).append(i)
print({k: len(v) for k, v in sorted(by_mod.items())})
print(sum(r for _, r, _ in data), max(data, key=lambda t: (t[1], -t[0])))
flat = [c for _, _, s in data[:5] for c in s]
print(flat)
matrix = [[i * j for j in range(1, 6)] for i in range(1, 6)]
print(list(zip(*matrix))[2])
print(["fizzbuzz" if i % 15 == 0 else "fizz" if i % 3 == 0 else "buzz" if i % 5 == 0 else i for i in range(1, 21)])
