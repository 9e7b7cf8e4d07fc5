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
