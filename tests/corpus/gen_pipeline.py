# Generator pipelines: lazy evaluation order, infinite generators, itertools.
import itertools
def naturals():
    n = 0
    while True:
        print("produce", n)
        yield n
        n += 1
def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x
def squares(src):
    for x in src:
        yield x * x
p = squares(evens(naturals()))
print(next(p), next(p))
print(list(itertools.islice(squares(range(100)), 3, 6)))
print(list(itertools.takewhile(lambda x: x < 20, (x * x for x in itertools.count()))))
fib = lambda: (lambda a=[0, 1]: (a.__setitem__(slice(None), [a[1], a[0] + a[1]]) or a[0] for _ in itertools.repeat(None)))()
print(list(itertools.islice(fib(), 10)))
def windows(seq, n):
    it = iter(seq)
    win = tuple(itertools.islice(it, n))
    if len(win) == n:
        yield win
    for x in it:
        win = win[1:] + (x,)
        yield win
print(list(windows(range(6), 3)))
gen = (i for i in range(3))
print(type(gen).__name__, gen.__name__, gen.__qualname__)
print(list(gen), list(gen))
