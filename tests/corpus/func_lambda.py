# Lambdas: defaults, closures, immediate calls, sorting keys, names.
sq = lambda x: x * x
print(sq(7), sq.__name__, (lambda: 0).__qualname__)
print((lambda *a, **k: (a, k))(1, 2, z=3))
print((lambda a, /, b, *, c=3: a + b + c)(1, b=2))
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda x, y: x + y, [1, 2], [10, 20])))
print(list(filter(lambda s: s.startswith("a"), ["ab", "b", "ac"])))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
class C:
    method = lambda self, x: (self.__class__.__name__, x)
print(C().method(5))
print((lambda: (yield))().__class__.__name__)
