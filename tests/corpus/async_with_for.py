# async with and async for, driven by a tiny loop.
class AsyncCM:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        print("aenter", self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print("aexit", self.name, et.__name__ if et else None)
        return et is KeyError
class ARange:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    async with AsyncCM("a") as x, AsyncCM("b") as y:
        print("body", x, y)
    async with AsyncCM("suppress"):
        raise KeyError("k")
    out = []
    async for v in ARange(4):
        if v == 3:
            continue
        out.append(v)
    else:
        out.append("else")
    print(out)
    try:
        async with AsyncCM("noisy"):
            raise ValueError("v")
    except ValueError as e:
        print("propagated", e)
    return "ok"
def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
print(drive(main()))
