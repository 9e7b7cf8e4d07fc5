# Coroutines driven by a hand-written event loop (no asyncio): send/StopIteration.
import types
@types.coroutine
def suspend(tag):
    got = yield tag
    return got
async def worker(name, n):
    total = 0
    for i in range(n):
        v = await suspend((name, i))
        total += v
    return "%s total %d" % (name, total)
def run(coros):
    ready = [(c, None) for c in coros]
    results = []
    while ready:
        coro, value = ready.pop(0)
        try:
            tag = coro.send(value)
            print("suspended", tag)
            ready.append((coro, tag[1] * 10))
        except StopIteration as e:
            results.append(e.value)
    return results
print(run([worker("a", 2), worker("b", 3)]))
async def simple():
    return 42
c = simple()
print(type(c).__name__, c.cr_code.co_name)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
c2 = simple()
c2.close()
print("closed unstarted coroutine")
