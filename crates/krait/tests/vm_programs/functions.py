def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
print(f(*[1, 2], **{"c": 5}))

def g(x, /, y):
    return x - y

print(g(5, y=3))
for call in [lambda: g(x=1, y=2), lambda: f(), lambda: f(1, 2, c=3, b=4), lambda: g(1, 2, 3), lambda: f(1, c=1, zz=2, **{"zz": 3})]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

def kwonly(*, a, b):
    return a + b
try:
    kwonly(a=1)
except TypeError as e:
    print(e)
print(kwonly(b=1, a=2))
print(f.__name__, f.__qualname__, f.__defaults__, f.__kwdefaults__)

def doc():
    "the doc"
print(doc.__doc__)

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
c(); c()
print(c(), c.__closure__ is not None)

fs = [lambda i=i: i * i for i in range(4)]
print([h() for h in fs])
print((lambda *a, **k: (a, k))(1, 2, x=3))
