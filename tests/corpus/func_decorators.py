# Decorators: plain, with arguments, stacked, class decorators, functools.wraps.
import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        print("call", fn.__name__, a, k)
        r = fn(*a, **k)
        print("ret", r)
        return r
    return wrapper
def repeat(n):
    def deco(fn):
        def run(*a):
            return [fn(*a) for _ in range(n)]
        return run
    return deco
@trace
def add(x, y=1):
    "Add things."
    return x + y
add(2, y=3)
print(add.__name__, add.__doc__, add.__wrapped__.__name__)
@repeat(3)
@trace
def hello(name):
    return "hi " + name
print(hello("bob"))
order = []
def mark(tag):
    order.append("make " + tag)
    def d(f):
        order.append("apply " + tag)
        return f
    return d
@mark("a")
@mark("b")
def nothing(): pass
print(order)
def register(cls):
    cls.registered = True
    return cls
@register
class K: pass
print(K.registered)
@lambda f: f()
def immediately():
    return "called at definition"
print(immediately)
registry = {}
@registry.setdefault("x", []).append
def appended(): pass
print(registry["x"][0].__name__)
