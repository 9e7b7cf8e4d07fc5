# yield from: delegation of values, send, throw, return value, iterables.
def inner():
    got = yield "inner-1"
    print("inner got", got)
    try:
        yield "inner-2"
    except KeyError as e:
        print("inner handled", repr(e))
        yield "inner-recovered"
    return "inner-result"
def outer():
    result = yield from inner()
    print("outer received", result)
    yield from range(2)
    yield from "ab"
    return "outer-done"
g = outer()
print(next(g))
print(g.send("hello"))
print(g.throw(KeyError("k")))
print(list(g))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), {4: None})))
def delegate_close():
    try:
        yield from inner()
    finally:
        print("outer finally")
d = delegate_close()
next(d)
d.close()
def returns_only():
    return 7
    yield
def take():
    v = yield from returns_only()
    yield v
print(list(take()))
def stop_iteration_inside():
    yield 1
    raise StopIteration("bad")
try:
    list(stop_iteration_inside())
except RuntimeError as e:
    print("RuntimeError:", e, repr(e.__cause__))
