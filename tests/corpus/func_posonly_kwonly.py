# Positional-only and keyword-only parameters.
def f(a, b, /, c, *, d, e=5):
    return a, b, c, d, e
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4, e=6))
for call in (lambda: f(1, b=2, c=3, d=4), lambda: f(1, 2, 3, 4),
             lambda: f(1, 2, 3), lambda: f(a=1, b=2, c=3, d=4)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def kw_collision(a, /, **kw):
    return a, kw
print(kw_collision(1, a=2))
def only_kw(*, x, y=0):
    return x + y
print(only_kw(x=1), only_kw(y=2, x=3))
try:
    only_kw(1)
except TypeError as e:
    print("TypeError:", e)
print(f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
print(f.__defaults__, f.__kwdefaults__, only_kw.__kwdefaults__)
import inspect
print(inspect.signature(f), inspect.signature(kw_collision))
