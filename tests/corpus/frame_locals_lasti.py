# Frame objects: f_locals snapshot semantics, f_lasti type, f_code identity, f_builtins.
import sys
def f(a, b=2, *args, **kw):
    c = a + b
    fr = sys._getframe()
    print(sorted(fr.f_locals))
    d = 4
    print("d" in fr.f_locals, sorted(fr.f_locals))
    print(fr.f_code is f.__code__, isinstance(fr.f_lasti, int), fr.f_lasti >= 0, fr.f_builtins is __builtins__.__dict__)
    return fr
fr = f(1, 3, 4, k=5)
print(fr.f_code.co_name, type(fr).__name__, fr.f_back is None or fr.f_back.f_code.co_name)
def gen():
    yield sys._getframe().f_code.co_name
    yield sys._getframe().f_back.f_code.co_name
print(list(gen()))
def closure():
    v = 1
    def inner():
        return sys._getframe().f_locals
    return inner()
print(closure())
def trace_calls():
    names = []
    def tracer(frame, event, arg):
        if event == "call":
            names.append(frame.f_code.co_name)
        return None
    sys.settrace(tracer)
    try:
        f2()
    finally:
        sys.settrace(None)
    return names
def f2(): f3()
def f3(): pass
print(trace_calls())
