# contextvars: per-task values, copy_context, run, tokens and reset.
import asyncio, contextvars
request_id = contextvars.ContextVar("request_id", default="none")
async def handler(rid):
    request_id.set(rid)
    await asyncio.sleep(0)
    return "handled %s in %s" % (rid, request_id.get())
async def main():
    print(await asyncio.gather(handler("a"), handler("b")), request_id.get())
    tok = request_id.set("main")
    print(request_id.get())
    request_id.reset(tok)
    print(request_id.get())
asyncio.run(main())
ctx = contextvars.copy_context()
def show():
    request_id.set("inside run")
    return request_id.get()
print(ctx.run(show), request_id.get(), ctx[request_id])
