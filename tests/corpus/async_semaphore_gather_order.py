# asyncio: Semaphore limiting concurrency, as_completed over ready futures, gather order preserved.
import asyncio
async def job(i, sem, active, peak):
    async with sem:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        for _ in range(i % 3 + 1):
            await asyncio.sleep(0)
        active[0] -= 1
        return i * i
async def main():
    sem = asyncio.Semaphore(2)
    active, peak = [0], [0]
    res = await asyncio.gather(*(job(i, sem, active, peak) for i in range(6)))
    print(res, "peak concurrency", peak[0])
    done = []
    for fut in asyncio.as_completed([asyncio.sleep(0, "x"), asyncio.sleep(0, "y")]):
        done.append(await fut)
    print(sorted(done))
    results = await asyncio.wait_for(asyncio.gather(asyncio.sleep(0, 1), asyncio.sleep(0, 2)), 1)
    print(results)
asyncio.run(main())
