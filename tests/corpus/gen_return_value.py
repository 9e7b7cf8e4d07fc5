# Return values of generators via StopIteration and yield from; StopIteration conversion.
def g():
    yield 1
    return "done"
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(repr(e), e.value, e.args)
def wrap():
    r = yield from g()
    return r.upper()
it = wrap()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print(e.value)
def leaks():
    next(iter([]))
    yield
try:
    next(leaks())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
def early():
    return
    yield 1
print(list(early()))
def tuple_return():
    yield
    return (1, 2)
x = tuple_return()
next(x)
try:
    x.send(None)
except StopIteration as e:
    print(e.value, e.args)
