# __context__ of exceptions leaving generators and coroutines: chained where raised (bare `raise` and `throw()` add none), never again where the caller receives them.
def g():
    try:
        raise ValueError("inner")
    except ValueError:
        yield 1
        raise

it = g()
next(it)
try:
    raise KeyError("outer")
except KeyError:
    try:
        next(it)
    except ValueError as e:
        print(repr(e), repr(e.__context__))

def h():
    try:
        yield 1
    except Exception:
        raise

it = h(); next(it)
try:
    raise KeyError("o2")
except KeyError:
    try:
        it.throw(TypeError("t"))
    except TypeError as e:
        print(repr(e), repr(e.__context__))

async def c():
    try:
        raise ValueError("cv")
    except ValueError:
        await Aw()
        raise
class Aw:
    def __await__(self):
        yield 5
co = c()
co.send(None)
try:
    raise KeyError("o3")
except KeyError:
    try:
        co.send(None)
    except ValueError as e:
        print(repr(e), repr(e.__context__))

def g2():
    yield 1
    raise ValueError("new")
it = g2(); next(it)
try:
    raise KeyError("o4")
except KeyError:
    try:
        next(it)
    except ValueError as e:
        print(repr(e), repr(e.__context__))

def g3():
    try:
        raise ValueError("i5")
    except ValueError:
        yield 1
        raise
try:
    raise KeyError("o5")
except KeyError:
    try:
        for x in g3():
            pass
    except ValueError as e:
        print(repr(e), repr(e.__context__))
gen5 = g3(); next(gen5)
try:
    raise KeyError("o6")
except KeyError:
    try:
        for x in gen5:
            pass
    except ValueError as e:
        print(repr(e), repr(e.__context__))

def g4():
    yield 1
    raise ValueError("new2")
try:
    raise KeyError("o7")
except KeyError:
    try:
        for x in g4(): pass
    except ValueError as e:
        print(repr(e), repr(e.__context__))
def f():
    raise ValueError("from f")
try:
    raise KeyError("o8")
except KeyError:
    try:
        sorted([1, 2], key=lambda x: f())
    except ValueError as e:
        print(repr(e), repr(e.__context__))
try:
    raise KeyError("o9")
except KeyError:
    try:
        int("zz")
    except ValueError as e:
        print(repr(e), repr(e.__context__))

def g6():
    yield 1
it = g6(); next(it)
try:
    raise KeyError("o10")
except KeyError:
    try:
        it.throw(TypeError("t2"))
    except TypeError as e:
        print(repr(e), repr(e.__context__))
def g7():
    try:
        yield 1
    except TypeError:
        raise ValueError("conv")
it = g7(); next(it)
try:
    raise KeyError("o11")
except KeyError:
    try:
        it.throw(TypeError("t3"))
    except ValueError as e:
        print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
import traceback
def g8():
    yield 1
it = g8(); next(it)
try:
    it.throw(RuntimeError("tb"))
except RuntimeError as e:
    traceback.print_exc(file=__import__('sys').stdout)

# An exception that left a frame through native code and was caught there is
# chained again when raised afresh with `raise e`.
def f9():
    raise ValueError("v9")
try:
    sorted([1, 2], key=lambda x: f9())
except ValueError as e:
    err9 = e
try:
    raise KeyError("k9")
except KeyError:
    try:
        raise err9
    except ValueError as e2:
        print(repr(e2.__context__))
