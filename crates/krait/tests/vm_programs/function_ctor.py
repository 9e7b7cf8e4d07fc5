# types.FunctionType(code, globals, name, argdefs, closure) as CPython's func_new.
import types
def f(a, b=2):
    return a + b
g = types.FunctionType(f.__code__, {"x": 1}, "gg", (5,))
print(g(1), g.__name__, g.__qualname__, g.__defaults__, g.__module__, g.__globals__["x"])
def outer():
    y = 3
    def inner(): return y
    return inner
inner = outer()
h = types.FunctionType(inner.__code__, globals(), None, None, inner.__closure__)
print(h(), h.__name__)
for bad in [lambda: types.FunctionType(1, {}), lambda: types.FunctionType(f.__code__, 1), lambda: types.FunctionType(inner.__code__, {}), lambda: types.FunctionType(f.__code__, {}, 5), lambda: types.FunctionType(f.__code__, {}, None, [1]), lambda: types.FunctionType(inner.__code__, {}, None, None, ())]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
