# Async generator cleanup with aclose and async-with inside; asyncio shutdown_asyncgens.
import asyncio
class Res:
    def __init__(self, n): self.n = n
    async def __aenter__(self):
        print("open", self.n)
        return self
    async def __aexit__(self, *e):
        print("close", self.n)
async def stream(n):
    async with Res(n):
        for i in range(3):
            yield (n, i)
            await asyncio.sleep(0)
async def main():
    async for item in stream(1):
        print(item)
    g = stream(2)
    print(await g.__anext__())
    await g.aclose()
    print("explicitly closed")
    g3 = stream(3)
    print(await anext(g3), await anext(g3))
    await g3.aclose()
asyncio.run(main())
