# StopIteration in various contexts: for loops, next() defaults, generators (PEP 479), map.
def g():
    yield 1
    return
print(list(g()), next(iter([]), "default"))
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("done")
        return self.n
print(list(It()), [x for x in It()], sum(It()))
def leaky():
    yield next(iter([]))
try:
    list(leaky())
except RuntimeError as e:
    print("RuntimeError:", e)
def stop_in_map(x):
    raise StopIteration
print(list(map(stop_in_map, [1, 2])))
it = iter([1])
try:
    while True:
        print("got", next(it))
except StopIteration as e:
    print("loop ended", e.value)
