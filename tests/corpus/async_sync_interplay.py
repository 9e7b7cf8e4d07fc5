# Mixing sync and async: run_until_complete on a new loop, call_soon ordering, futures.
import asyncio
order = []
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(order.append, "soon 1")
    loop.call_soon(order.append, "soon 2")
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "future value")
    order.append("before await")
    v = await fut
    order.append(v)
    await asyncio.sleep(0)
    return order
loop = asyncio.new_event_loop()
try:
    print(loop.run_until_complete(main()))
finally:
    loop.close()
async def compute(x):
    return x * x
print(asyncio.run(compute(12)))
async def raises():
    raise KeyError("async")
try:
    asyncio.run(raises())
except KeyError as e:
    print("KeyError:", e)
