class Future:
    def __await__(self):
        yield self
        return 42
async def g(x):
    r = await Future()
    return r + x
async def main():
    a = await g(1)
    b = await g(2)
    return a + b
c = main()
print(type(c).__name__, repr(c)[:22])
n = 0
try:
    while True:
        c.send(None); n += 1
except StopIteration as e:
    print("done", e.value, n)
try: c.send(None)
except RuntimeError as e: print(e)
async def bad(): await 5
try: bad().send(None)
except TypeError as e: print(e)
async def agen(n):
    for i in range(n):
        await Future()
        yield i * 10
    print("agen end")
async def use():
    out = []
    async for v in agen(3):
        out.append(v)
    print(out)
    print([x async for x in agen(2)])
    class CM:
        async def __aenter__(self): print("enter"); return self
        async def __aexit__(self, *a): print("exit", a[0]); return True
    async with CM() as cm:
        raise ValueError("x")
    ag = agen(5)
    print(await ag.__anext__(), await ag.asend(None))
    await ag.aclose()
    try:
        await ag.__anext__()
    except StopAsyncIteration:
        print("stopped")
c = use()
try:
    while True: c.send(None)
except StopIteration: print("ok")
async def thrower():
    try:
        await Future()
    except KeyError as e:
        print("caught", e)
        return 5
c = thrower(); c.send(None)
try: c.throw(KeyError("k"))
except StopIteration as e: print("ret", e.value)
c = thrower(); c.close(); print("closed")
class F:
    def __await__(self):
        yield 1
async def inner():
    await F()
c = inner()
c.send(None)
async def other():
    await c
try:
    other().send(None)
except RuntimeError as e:
    print(e)
