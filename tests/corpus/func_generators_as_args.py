# Generator expressions as sole call argument, keyword argument names from dicts.
print(sum(x * x for x in range(10)))
print(max((len(w), w) for w in "the quick brown fox".split()))
print("-".join(str(i) for i in range(5)))
def kw(**k): return sorted(k)
print(kw(**{"b": 1, "a": 2}), kw(**dict.fromkeys("xyz")))
print(dict(zip("abc", range(3)), d=4))
def count_args(*a): return len(a)
print(count_args(*range(50)), count_args(*"", *()), count_args(*{1: 2, 3: 4}))
