# yield inside except, finally and with blocks; exceptions thrown in at those points.
def g():
    try:
        raise ValueError("original")
    except ValueError as e:
        got = yield "in except: %s" % e
        yield "after resume in except, got %r, context still %r" % (got, e)
    finally:
        yield "in finally"
    yield "after try"
it = g()
print(next(it))
print(it.send("sent"))
print(next(it))
print(next(it))
def h():
    try:
        yield 1
    except KeyError:
        yield "handled thrown KeyError"
        raise
    finally:
        print("h finally")
it = h()
next(it)
print(it.throw(KeyError("k")))
try:
    next(it)
except KeyError as e:
    print("re-raised after yield:", repr(e))
import sys
def exc_info_across_yield():
    try:
        raise TypeError("active")
    except TypeError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
print(list(exc_info_across_yield()), sys.exc_info())
