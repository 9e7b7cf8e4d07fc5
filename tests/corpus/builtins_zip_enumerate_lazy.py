# zip and enumerate stop early and never over-consume more than necessary; map over several iterables.
def src(name, n):
    for i in range(n):
        print("pull", name, i)
        yield i
print(list(zip(src("a", 3), src("b", 2))))
e = enumerate(src("c", 5), 1)
print(next(e), next(e))
print(list(map(lambda x, y: x * y, src("d", 2), src("e", 4))))
it = iter(range(10))
pairs = list(zip(it, it))
print(pairs)
