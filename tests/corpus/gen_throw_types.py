# gen.throw with a class, an instance, and a traceback argument.
def g():
    while True:
        try:
            yield
        except Exception as e:
            print("caught", type(e).__name__, e.args)
x = g()
next(x)
x.throw(ValueError)
x.throw(TypeError("inst"))
x.throw(KeyError, KeyError("via type+value"))
try:
    x.throw(5)
except TypeError as e:
    print("TypeError:", e)
def unstarted():
    print("never printed")
    yield
u = unstarted()
try:
    u.throw(IndexError("before start"))
except IndexError as e:
    print("raised at start", e)
print(list(u))
