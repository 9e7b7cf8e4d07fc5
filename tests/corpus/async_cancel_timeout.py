# Task cancellation and wait_for timeouts with zero-delay sleeps.
import asyncio
async def forever(log):
    try:
        while True:
            await asyncio.sleep(0)
            log.append("tick")
    except asyncio.CancelledError:
        log.append("cancelled")
        raise
async def main():
    log = []
    t = asyncio.create_task(forever(log))
    for _ in range(3):
        await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled", t.cancelled())
    print(log)
    async def slow():
        await asyncio.sleep(10)
    try:
        await asyncio.wait_for(slow(), timeout=0)
    except asyncio.TimeoutError:
        print("timed out")
    r = await asyncio.wait_for(asyncio.sleep(0, "quick"), timeout=5)
    print(r)
asyncio.run(main())
