# Re-implementations of itertools with generators, compared to the real ones.
import itertools
def my_chain(*its):
    for it in its:
        yield from it
def my_islice(it, start, stop, step=1):
    it = iter(it)
    for i, x in enumerate(it):
        if i >= stop:
            return
        if i >= start and (i - start) % step == 0:
            yield x
def my_groupby(it, key=lambda x: x):
    it = iter(it)
    try:
        cur = next(it)
    except StopIteration:
        return
    group = [cur]
    for x in it:
        if key(x) == key(cur):
            group.append(x)
        else:
            yield key(cur), group
            cur, group = x, [x]
    yield key(cur), group
def my_product(*pools):
    result = [[]]
    for pool in pools:
        result = [r + [p] for r in result for p in pool]
    for r in result:
        yield tuple(r)
print(list(my_chain("ab", [1])) == list(itertools.chain("ab", [1])))
print(list(my_islice(range(20), 2, 15, 4)), list(itertools.islice(range(20), 2, 15, 4)))
print(list(my_groupby("aabccc")), [(k, list(g)) for k, g in itertools.groupby("aabccc")])
print(list(my_product("ab", [0, 1])) == list(itertools.product("ab", [0, 1])))
