# Async-generator hooks (sys.set_asyncgen_hooks: firstiter on the first
# iteration, the finalizer instead of closing when freed unfinished), the
# aiter/anext builtins and anext's default, aclose().throw() before the first
# send, and an awaitable whose __next__ raises StopIteration(value).
import asyncio
import gc
import sys
import types

@types.coroutine
def tick():
    yield "tick"

def run(coro):
    """Drives a coroutine by hand, printing what it yields."""
    while True:
        try:
            v = coro.send(None)
        except StopIteration as e:
            return e.value
        print("yielded", v)

async def agen(name, n=3):
    try:
        for i in range(n):
            yield i
    finally:
        print("finally", name)

log = []
def firstiter(ag):
    log.append(("firstiter", ag.__name__))
def finalizer(ag):
    log.append(("finalizer", ag.__name__))
    run(ag.aclose())

print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(firstiter, finalizer)
hooks = sys.get_asyncgen_hooks()
print(hooks.firstiter is firstiter, hooks[1] is finalizer, type(hooks).__name__)
try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print("TypeError", e)

async def use():
    g = agen("g")
    print(await g.__anext__(), await g.__anext__())
    print(log)
    del g
    gc.collect()
    print(log)
    h = agen("h")
    async for x in h:
        print("h", x)
    del h
    gc.collect()
    print(log)
    return "used"

print(run(use()))
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())

async def no_hooks():
    g = agen("nohooks")
    await g.__anext__()
    del g
    gc.collect()
run(no_hooks())

# aiter / anext
class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

async def anexts():
    it = aiter(Countdown(2))
    print(it is aiter(it), await anext(it), await anext(it))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    g = agen("anext-default", 1)
    print(await anext(g, "d1"), await anext(g, "d2"), await anext(g, "d3"))
    aw = anext(agen("aw", 0), "empty")
    print(type(aw).__name__, await aw)
    for bad in (1, [1]):
        try:
            aiter(bad)
        except TypeError as e:
            print("TypeError", e)
        try:
            anext(bad)
        except TypeError as e:
            print("TypeError", e)
run(anexts())

# aclose().throw() before its first send goes into the generator and leaves
# the aclose() unstarted: its first send() then throws GeneratorExit.
async def slow_finally():
    try:
        yield 1
    finally:
        print("finally start")
        await tick()
        print("finally end (not reached)")

def athrow_init():
    g = slow_finally()
    try:
        g.__anext__().send(None)
    except StopIteration as e:
        print("first", e.value)
    c = g.aclose()
    print("throw ->", c.throw(KeyError))
    try:
        c.send(None)
    except StopIteration:
        print("aclose done")
    try:
        c.send(None)
    except RuntimeError as e:
        print("RuntimeError", e)
athrow_init()

# `await` of an object whose __await__ iterator is not a generator: the
# StopIteration value is the result.
class Ready:
    def __init__(self, v):
        self.v = v
        self.steps = 0
    def __await__(self):
        return self
    def __iter__(self):
        return self
    def __next__(self):
        self.steps += 1
        if self.steps < 3:
            return "step"
        raise StopIteration(self.v)

async def awaits():
    return await Ready(42)
print(run(awaits()))

# asyncio: an abandoned async generator is closed through the loop's
# finalizer hook; shutdown_asyncgens closes the ones still alive.
async def resource(name):
    try:
        yield name
        yield name
    finally:
        print("closing", name)
        await asyncio.sleep(0)
        print("closed", name)

async def main():
    a = resource("a")
    print(await a.__anext__())
    del a
    await asyncio.sleep(0.01)
    keep = resource("kept")
    print(await keep.__anext__())
    main.keep = keep
    return "main done"

print(asyncio.run(main()))
print(sys.get_asyncgen_hooks())
