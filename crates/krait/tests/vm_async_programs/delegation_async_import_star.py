from sys import *
print(maxsize > 0, "_getframe" in globals())
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "after"
def inner():
    try:
        yield 1
    except KeyError as e:
        print("inner caught", repr(e))
        return "res"
g = outer()
print(next(g))
print(g.throw(KeyError("k")))
print(type(g.gi_code).__name__, g.gi_running, g.__name__)
g.close()
print(g.gi_frame)
class Aw:
    def __await__(self):
        try:
            yield "sus"
        finally:
            print("aw cleanup")
async def co():
    try:
        await Aw()
    finally:
        print("co finally")
c = co()
print(c.send(None), type(c.cr_await).__name__)
c.close()
print(c.cr_frame, type(c.cr_code).__name__)
async def ag():
    try:
        yield 1
        yield 2
    finally:
        print("ag finally")
def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def m():
    a = ag()
    print(await a.__anext__())
    await a.aclose()
    try:
        await a.athrow(ValueError)
    except StopAsyncIteration:
        print("athrow after close: StopAsyncIteration")
    b = ag()
    print(await b.asend(None))
    try:
        await b.athrow(ValueError("boom"))
    except ValueError as e:
        print("propagated", e)
    async for x in ag():
        print("x", x)
    try:
        async for x in 5:
            pass
    except TypeError as e:
        print(e)
    try:
        async with 5:
            pass
    except TypeError as e:
        print(e)
    return "m done"
print(drive(m()))
