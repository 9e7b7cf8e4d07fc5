# await inside comprehensions and lambdas returning coroutines.
import asyncio
async def double(x):
    await asyncio.sleep(0)
    return x * 2
async def main():
    print([await double(i) for i in range(4)])
    print({i: await double(i) for i in range(3)})
    print({await double(i) for i in (1, 1, 2)})
    fns = [lambda v=v: double(v) for v in range(3)]
    print([await f() for f in fns])
    gen = (await double(i) for i in range(3))
    print(type(gen).__name__, [x async for x in gen])
asyncio.run(main())
