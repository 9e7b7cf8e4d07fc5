# TaskGroup failures arrive as ExceptionGroups handled with except*.
import asyncio
async def ok(n):
    await asyncio.sleep(0)
    return n
async def bad(exc):
    await asyncio.sleep(0)
    raise exc
async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(ok(1))
        t2 = tg.create_task(ok(2))
    print(t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(ValueError("v")))
            tg.create_task(bad(TypeError("t")))
    except* ValueError as g:
        print("ValueErrors:", [str(e) for e in g.exceptions])
    except* TypeError as g:
        print("TypeErrors:", [str(e) for e in g.exceptions])
asyncio.run(main())
