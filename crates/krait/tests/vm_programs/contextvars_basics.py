# _contextvars: ContextVar get/set/reset, Token, Context mapping and run, copy_context.
import contextvars
from contextvars import ContextVar, Context, copy_context, Token
v = ContextVar('v', default=1)
w = ContextVar('w')
print(v.name, v.get(), w.get(5))
try: w.get()
except LookupError as e: print("LookupError", type(e.args[0]).__name__)
t = v.set(2)
print(v.get(), t.var is v, t.old_value, Token.MISSING)
v.reset(t)
print(v.get())
try: v.reset(t)
except RuntimeError as e: print("RuntimeError", str(e).split(' ')[-4:])
t2 = w.set(10)
print(t2.old_value is Token.MISSING)
ctx = copy_context()
print(w in ctx, ctx[w], len(ctx), list(ctx.keys()) == [w], ctx.get(v, 'd'))
def f(x, y=0):
    w.set(x + y)
    return w.get()
print(ctx.run(f, 3, y=4), w.get(), ctx[w])
c2 = Context()
print(len(c2), c2.run(lambda: w.get(None)))
try: ctx[1]
except TypeError as e: print(e)
try: ContextVar(1)
except TypeError as e: print(e)
def g(): ctx.run(lambda: None)
try: ctx.run(g)
except RuntimeError as e: print("RuntimeError", "already entered" in str(e))
print(ContextVar[int], repr(v).startswith("<ContextVar name='v' default=1 at 0x"))
t3 = w.set(20)
def h():
    try:
        w.reset(t3)
    except ValueError as e:
        print("ValueError", str(e).endswith("was created in a different Context"))
copy_context().run(h)
try:
    w.reset(v.set(3))
except ValueError as e:
    print("ValueError", str(e).endswith("was created by a different ContextVar"))
try:
    v.reset(1)
except TypeError as e:
    print(e)
print(sorted(x for x in ctx.values()), [k.name for k, _ in ctx.items()], [k.name for k in ctx])
