# List comprehensions: nested loops, conditions, nested comprehensions, scoping.
m = [[r * 3 + c for c in range(3)] for r in range(3)]
print(m)
print([row[i] for i in range(3) for row in m])
print([[row[i] for row in m] for i in range(3)])
print([x for row in m for x in row if x % 2 if x > 2])
print([(a, b) for a in range(4) if a for b in range(a) if (a + b) % 2])
i = "outer i"
print([i for i in range(3)], i)
print([[j for j in range(k)] for k in range(4)])
words = ["apple", "Bob", "cat"]
print([w.upper() if w[0].islower() else w for w in words])
print([len(w) for w in words][::-1])
print([y for x in [[1, [2, 3]], [4, [5]]] for y in x[1]])
def scope_test():
    n = 10
    return [n * k for k in range(3)]
print(scope_test())
print([lambda: k for k in range(2)][0](), [(lambda k=k: k)() for k in range(3)])
