# Async comprehensions of every kind, including nested async for.
import asyncio
async def arange(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
async def main():
    print([i async for i in arange(3)])
    print({i async for i in arange(3)})
    print({i: i * i async for i in arange(3)})
    print([(i, j) async for i in arange(3) for j in range(i)])
    print([(i, j) for i in range(2) async for j in arange(2)])
    print([j async for i in arange(3) async for j in arange(i)])
    g = (i async for i in arange(4) if i % 2)
    print([v async for v in g])
asyncio.run(main())
