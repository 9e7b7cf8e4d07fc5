# Building functions from code objects: FunctionType with globals, defaults, closures.
import types
src = compile("def template(x, y=10):\n    return x * y + base\n", "<tmpl>", "exec")
fn_code = [c for c in src.co_consts if isinstance(c, types.CodeType)][0]
f = types.FunctionType(fn_code, {"base": 1}, "made", (3,))
print(f(2), f(2, 5), f.__name__, f.__defaults__)
def outer():
    v = 100
    def inner(): return v
    return inner
inner = outer()
clone = types.FunctionType(inner.__code__, {}, None, None, inner.__closure__)
print(clone(), clone.__name__)
try:
    types.FunctionType(inner.__code__, {})
except TypeError as e:
    print("TypeError:", e)
lam = types.LambdaType(compile("42", "<e>", "eval"), {})
print(lam())
