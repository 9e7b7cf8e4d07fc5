# Dict and set comprehensions, duplicate keys, key order.
words = "the quick brown fox jumps over the lazy dog".split()
print({w: len(w) for w in words})
print(sorted({len(w) for w in words}))
print({k: v for k, v in zip("abc", range(3)) if v != 1})
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
print({(i, j): i * j for i in range(3) for j in range(i, 3)})
print(sorted({c for w in words for c in w if c in "aeiou"}))
print({x % 3 for x in range(10)}, {frozenset({1}): 1 for _ in range(2)})
order = []
def key(k):
    order.append("key %s" % k)
    return k
def val(v):
    order.append("val %s" % v)
    return v
{key(i): val(i) for i in range(2)}
print(order)
print(type({x for x in ()}).__name__, {x: x for x in ()})
