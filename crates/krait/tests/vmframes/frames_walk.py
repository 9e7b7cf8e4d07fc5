# sys._getframe() walked through f_back; f_locals snapshots; frame repr shape.
import sys


def inner(a, b=2):
    c = a + b
    out = []
    f = sys._getframe()
    while f is not None:
        names = sorted(k for k in f.f_locals.keys() if not k.startswith("__"))
        out.append((f.f_code.co_name, names, f.f_lineno))
        f = f.f_back
    return out


def outer(x):
    y = x * 2
    return inner(y)


for row in outer(5):
    print(row)
f = sys._getframe()
print(f.f_globals is globals(), f.f_locals is globals(), f.f_back)
print(repr(f).startswith("<frame at 0x"), repr(f).endswith("code <module>>"))
print(type(f).__name__, f.f_lasti > 0, f.f_trace)
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError:", e)


def keep():
    z = 42
    return sys._getframe()


kf = keep()
print(kf.f_code.co_name, kf.f_locals, kf.f_lineno)
kf.clear()
print(kf.f_locals)


def fails():
    w = "local"
    raise KeyError(w)


try:
    fails()
except KeyError as e:
    tb = e.__traceback__
    print(tb.tb_frame is sys._getframe(), tb.tb_lineno, tb.tb_next.tb_frame.f_code.co_name)
    print(tb.tb_next.tb_frame.f_locals, tb.tb_next.tb_lineno)


def gen():
    x = 1
    yield x
    x = 2
    yield x


g = gen()
print(g.gi_code.co_name, g.gi_running, g.gi_suspended, g.gi_yieldfrom)
next(g)
print(g.gi_frame.f_lineno, g.gi_frame.f_locals, g.gi_frame.f_back, g.gi_suspended)
next(g)
print(g.gi_frame.f_locals)
list(g)
print(g.gi_frame)


def counter():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return sorted(locals().items())
    r = bump()
    return r, sorted(locals())


print(counter())


def t2(n):
    m = n
    return m


def t1():
    return t2(3)


def traced_names():
    seen = []
    def tracer(frame, event, arg):
        if event == "call":
            seen.append((frame.f_code.co_name, sorted(frame.f_locals)))
        return None
    sys.settrace(tracer)
    try:
        t1()
    finally:
        sys.settrace(None)
    return seen, sys.gettrace()


print(traced_names())
