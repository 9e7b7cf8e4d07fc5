# asyncio.run with gather, create_task and sleep(0): deterministic interleaving.
import asyncio
log = []
async def step(name, n):
    for i in range(n):
        log.append("%s%d" % (name, i))
        await asyncio.sleep(0)
    return name * n
async def main():
    r = await asyncio.gather(step("a", 3), step("b", 2), step("c", 1))
    print(r)
    t = asyncio.create_task(step("t", 2))
    log.append("task created")
    print(await t, t.done(), t.result())
    return "main done"
print(asyncio.run(main()))
print(log)
async def fails():
    await asyncio.sleep(0)
    raise ValueError("in task")
async def main2():
    results = await asyncio.gather(fails(), step("z", 1), return_exceptions=True)
    print([repr(r) for r in results])
    try:
        await fails()
    except ValueError as e:
        print("awaited error", e)
asyncio.run(main2())
