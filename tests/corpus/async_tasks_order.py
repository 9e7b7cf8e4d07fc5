# asyncio tasks, queues and events with a deterministic schedule.
import asyncio
async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i)
    await q.put(None)
async def consumer(q, name):
    got = []
    while (item := await q.get()) is not None:
        got.append(item)
        print(name, "got", item)
    return got
async def main():
    q = asyncio.Queue(maxsize=2)
    prod = asyncio.create_task(producer(q, 5))
    got = await consumer(q, "c1")
    await prod
    print("consumed", got)
    ev = asyncio.Event()
    async def waiter(i):
        await ev.wait()
        return i
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print([w.done() for w in ws])
    ev.set()
    print(await asyncio.gather(*ws))
    lock = asyncio.Lock()
    order = []
    async def crit(i):
        async with lock:
            order.append(("in", i))
            await asyncio.sleep(0)
            order.append(("out", i))
    await asyncio.gather(*(crit(i) for i in range(3)))
    print(order)
asyncio.run(main())
