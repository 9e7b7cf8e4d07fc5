# Call sequence: positional, keyword, *args, **kwargs, mixed, and their errors.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2, 3], **{"c": 9, "z": 0}))
print(f(1, *(2, 3), *[4], c=1, **{"d": 0}, **{"y": 1}))
print(f(c=1, a=2))
args = (1,)
kwargs = {"c": "see"}
print(f(*args, **kwargs))
for call in (lambda: f(), lambda: f(1), lambda: f(1, c=1, a=2),
             lambda: f(1, c=1, **{"c": 2}), lambda: f(1, 2, c=3, **{1: 2})):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def g(x, y):
    return x - y
print(g(y=1, x=10), g(*"ab" and (5, 3)))
try:
    g(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, z=2)
except TypeError as e:
    print("TypeError:", e)
try:
    g(**{"x": 1})
except TypeError as e:
    print("TypeError:", e)
try:
    g(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    g(**[1])
except TypeError as e:
    print("TypeError:", e)
