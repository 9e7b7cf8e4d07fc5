# Star expressions in calls, displays, returns, subscripts and for targets.
def f(*a, **k): return a, k
args, kw = [1, 2], {"x": 3}
print(f(*args, 0, *args, **kw, y=4))
print([*args, *args], (*args,), {*args, 5}, {**kw, "z": 0})
def ret():
    rest = [3, 4]
    return 1, 2, *rest
print(ret())
for a, *b in [(1, 2, 3), (4,)]:
    print(a, b)
x = *range(3), 9
print(x)
d = {}
d[1, 2] = "tuple key"
print(d[(1, 2)])
def yields():
    yield *args, 5
print(list(yields()))
print(*[1, 2], *"ab", sep="|")
print(max(*[3, 9, 2]), [*{"k": 1}], [*{1: 2}.items()])
