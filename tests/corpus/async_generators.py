# Async generators: asend, athrow, aclose, async comprehensions.
import asyncio
async def agen(n):
    try:
        for i in range(n):
            got = yield i
            if got is not None:
                print("agen got", got)
    finally:
        print("agen finally")
async def main():
    print([x async for x in agen(3)])
    print([x * 2 async for x in agen(4) if x % 2])
    print({x: x async for x in agen(2)})
    g = agen(5)
    print(await g.__anext__(), await g.asend("hello"))
    try:
        await g.athrow(ValueError("thrown"))
    except ValueError as e:
        print("athrow propagated", e)
    g2 = agen(5)
    await g2.__anext__()
    await g2.aclose()
    try:
        await g2.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration after aclose")
    print(type(g2).__name__, g2.ag_code.co_name)
    async def squares():
        for i in range(3):
            await asyncio.sleep(0)
            yield i * i
    print([v async for v in squares()], [await asyncio.sleep(0, i) for i in range(2)])
asyncio.run(main())
