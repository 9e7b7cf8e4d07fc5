# Control flow inside coroutines: try/finally around await, async for with break/else, return in async with.
import asyncio
class Slow:
    def __init__(self, n): self.n, self.i = n, 0
    def __aiter__(self): return self
    async def __anext__(self):
        await asyncio.sleep(0)
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
class ACM:
    async def __aenter__(self):
        print("aenter")
    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0)
        print("aexit", et.__name__ if et else None)
async def first_even():
    async for v in Slow(10):
        if v % 2 == 0:
            break
    else:
        return "none"
    return v
async def with_return():
    async with ACM():
        return "returned from async with"
async def finally_await():
    try:
        await asyncio.sleep(0)
        raise ValueError("inside")
    except ValueError as e:
        await asyncio.sleep(0)
        return "handled %s" % e
    finally:
        await asyncio.sleep(0)
        print("finally awaited")
async def loop_continue():
    out = []
    async for v in Slow(5):
        if v == 2:
            continue
        async with ACM():
            out.append(v)
            if v == 4:
                break
    return out
async def main():
    print(await first_even(), await with_return(), await finally_await(), await loop_continue())
asyncio.run(main())
