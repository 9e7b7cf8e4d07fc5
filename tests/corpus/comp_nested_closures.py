# Comprehensions that create closures, capture outer variables, and nest four levels.
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
late = [lambda x: x + n for n in range(3)]
print([f(10) for f in late])
def outer(k):
    return [[lambda: (i, j, k) for j in range(2)] for i in range(2)]
print([[f() for f in row] for row in outer("k")])
cube = [[[i * 100 + j * 10 + m for m in range(2)] for j in range(2)] for i in range(2)]
print(cube, [x for plane in cube for row in plane for x in row if x % 2])
print({k: [v for v in range(k)] for k in range(4)}, {(a, b) for a in range(3) for b in range(a)})
