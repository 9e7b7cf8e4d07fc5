import itertools, time
# Many empty iterables in a row: a loop, not deep recursion.
print(sum(1 for _ in itertools.chain.from_iterable([[]] * 300000 + [[1]])))
for bad in [lambda: time.mktime((10**18, 1, 1, 0, 0, 0, 0, 0, 0)), lambda: time.strftime('%Y', (2**62, 1, 1, 0, 0, 0, 0, 1, 0))]:
    try:
        print(bad())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__)
print(list(itertools.islice(itertools.product(range(100), repeat=3), 99999, 100001)))
print(next(itertools.islice(itertools.count(), 10**5, None)))
# partial of a partial (any partial type) is flattened: nesting stays shallow.
from _functools import partial
class P(partial): pass
class Q(partial): pass
f = len
for i in range(100000):
    f = P(f) if i % 2 else Q(f)
print(f('abc'), type(f).__name__, f.func)
