# __await__ on custom objects, awaiting non-awaitables, coroutine misuse errors.
class Future:
    def __init__(self): self.value = None
    def __await__(self):
        print("awaiting future")
        yield self
        return self.value
async def uses_future(f):
    r = await f
    return "future gave %r" % (r,)
f = Future()
c = uses_future(f)
print(c.send(None) is f)
f.value = 99
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
async def bad_await():
    await 5
try:
    bad_await().send(None)
except TypeError as e:
    print("TypeError:", e)
async def done(): return 1
co = done()
try:
    co.send(None)
except StopIteration:
    pass
try:
    co.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
import inspect
async def afn(): pass
print(inspect.iscoroutinefunction(afn), inspect.iscoroutine(co), inspect.isawaitable(Future()))
class BadAwait:
    def __await__(self): return 5
async def use_bad():
    await BadAwait()
try:
    use_bad().send(None)
except TypeError as e:
    print("TypeError:", e)
