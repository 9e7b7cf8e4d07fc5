# Lazy infinite sequences: primes by generator sieve, hamming numbers, itertools chains.
import itertools, heapq
def primes():
    composites = {}
    for n in itertools.count(2):
        if n not in composites:
            yield n
            composites[n * n] = [n]
        else:
            for p in composites.pop(n):
                composites.setdefault(n + p, []).append(p)
print(list(itertools.islice(primes(), 25)))
def hamming():
    seen, h = {1}, [1]
    while True:
        x = heapq.heappop(h)
        yield x
        for m in (2, 3, 5):
            if x * m not in seen:
                seen.add(x * m)
                heapq.heappush(h, x * m)
print(list(itertools.islice(hamming(), 20)))
print(list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.chain.from_iterable([[1], [2, 3]])))
print([(k, len(list(g))) for k, g in itertools.groupby("aaabbcaa")], list(itertools.compress("abcd", [1, 0, 1, 0])))
print(list(itertools.combinations(range(4), 2)), list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.pairwise("abcd")), list(itertools.filterfalse(str.isdigit, "a1b2")))
