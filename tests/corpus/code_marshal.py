# marshal round trips of code objects and constants.
import marshal
def f(a, b=2):
    return [a, b, "s", 1.5, None, (1, 2), frozenset({3})]
data = marshal.dumps(f.__code__)
co = marshal.loads(data)
print(type(co).__name__, co.co_name, co.co_varnames, co == f.__code__)
g = type(f)(co, {})
print(g(1, 2))
for v in (0, -1, 2**100, 1.5, 1j, "str", b"bytes", (1, "a"), [1, 2], {"k": [1]}, {1, 2}, frozenset(), None, True, ...):
    print(repr(marshal.loads(marshal.dumps(v))))
print(marshal.dumps(1).hex(), marshal.dumps("a").hex(), marshal.dumps((None, True)).hex())
try:
    marshal.dumps(object())
except ValueError as e:
    print("ValueError:", e)
