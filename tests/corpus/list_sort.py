# list.sort and sorted: keys, reverse, stability, mixed types, mutation during sort.
data = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
import operator
recs = [{"n": "x", "a": 3}, {"n": "y", "a": 1}, {"n": "z", "a": 3}]
print([r["n"] for r in sorted(recs, key=operator.itemgetter("a"))])
print(sorted("Hello World".split(), key=str.lower), sorted([[2, 1], [1, 2], [1]]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
lst = [3, 2, 1]
def bad_key(x):
    lst.append(x)
    return x
try:
    lst.sort(key=bad_key)
except ValueError as e:
    print("ValueError:", e)
print(sorted(range(10), key=lambda x: (x % 3, -x)))
import functools
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
print(sorted([], key=len), sorted((3, 1)), sorted({"b": 1, "a": 2}), sorted("cba", reverse=True))
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self): return "K%d" % self.v
print(sorted([K(3), K(1), K(2)]), min([K(3), K(1)]), max(K(3), K(5)))
