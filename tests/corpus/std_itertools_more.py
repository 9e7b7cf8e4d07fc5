# itertools: counting, slicing, grouping and combinatorics, all consumed deterministically.
import itertools as it
print(list(it.islice(it.count(5, 3), 4)), list(it.repeat("x", 3)), list(it.accumulate([3, 1, 4], max)))
print(list(it.accumulate([1, 2, 3], initial=100)), list(it.dropwhile(lambda x: x < 3, [1, 5, 2])), list(it.tee("ab", 2)[1]))
print(list(it.combinations_with_replacement("ab", 2)), len(list(it.permutations(range(5)))), list(it.product([0, 1], "ab")))
data = sorted(["apple", "avocado", "banana", "blueberry", "cherry"], key=lambda w: w[0])
print({k: list(g) for k, g in it.groupby(data, key=lambda w: w[0])})
a, b = it.tee(iter([1, 2, 3]))
print(next(a), list(b), list(a))
print(list(it.chain("ab", [1], (None,))), list(it.batched("abcde", 2)) if hasattr(it, "batched") else "no batched in 3.11")
