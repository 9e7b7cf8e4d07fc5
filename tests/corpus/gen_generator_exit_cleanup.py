# Generators closed by garbage collection or explicitly: finally blocks, with blocks inside generators.
class Res:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("acquire", self.n)
        return self
    def __exit__(self, et, ev, tb):
        print("release", self.n, et.__name__ if et else None)
def reader(n):
    with Res(n):
        yield 1
        yield 2
g = reader(1)
print(next(g))
g.close()
g = reader(2)
print(next(g))
del g
print("after del")
def nested():
    try:
        yield from reader(3)
    finally:
        print("outer generator cleanup")
h = nested()
print(next(h))
h.close()
