# co_code bytes of tiny functions (CPython 3.11 canonical, unspecialized) and their shape.
def one(): return 1
def ident(x): return x
def call_it(f): return f()
def attr(o): return o.name
def sub(l, i): return l[i]
for fn in (one, ident, call_it, attr, sub):
    co = fn.__code__
    print(fn.__name__, co.co_code.hex(), len(co.co_code) % 2 == 0)
for _ in range(20):
    ident(1); attr(type("O", (), {"name": 1})); sub([1], 0)
print("after warm-up (adaptive code does not leak into co_code):", ident.__code__.co_code.hex(), attr.__code__.co_code.hex())
