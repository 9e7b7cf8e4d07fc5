# *args is a fresh tuple and **kwargs a fresh dict on every call.
def f(*args, **kw):
    kw["seen"] = True
    return args, kw
d = {"a": 1}
t = (1, 2)
a, k = f(*t, **d)
print(a is t, type(a).__name__, k, d)
def g(**kw):
    return kw
x = {"z": 0}
print(g(**x) is x, g(**x) == x)
def order(**kw): return list(kw)
print(order(b=1, a=2, c=3), order(**{"y": 1}, x=2))
def h(a, *rest): return rest
print(h(1), h(1, 2, 3), h(*[1, 2]))
