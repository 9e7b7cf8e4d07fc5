# Importing many stdlib modules and using one thing from each.
import json, re, itertools, functools, operator, collections, heapq, bisect, random, string, textwrap, copy
print(json.dumps({"b": [1, 2], "a": None}, sort_keys=True), json.loads('{"x": [1, 2.5, "s", null, true]}'))
print(re.findall(r"\d+", "a1b22c333"), re.sub(r"(\w)(\w*)", lambda m: m[1].upper() + m[2], "hello big world"))
print(list(itertools.permutations("abc", 2))[:4], list(itertools.accumulate([1, 2, 3, 4])), list(itertools.product("ab", repeat=2)))
print(functools.reduce(operator.mul, range(1, 6)), functools.partial(int, base=2)("101"))
h = [5, 1, 4, 2]
heapq.heapify(h)
print([heapq.heappop(h) for _ in range(4)], heapq.nlargest(2, [3, 9, 1]), bisect.bisect([1, 3, 5], 4))
rng = random.Random(12345)
print(rng.randint(1, 100), rng.choice("abcdef"), rng.random() < 1, sorted(rng.sample(range(50), 5)))
print(string.ascii_lowercase[:5], textwrap.wrap("the quick brown fox jumps over the lazy dog", 12))
a = [[1, 2], {"k": [3]}]
b = copy.deepcopy(a)
b[1]["k"].append(4)
print(a, b, copy.copy(a)[0] is a[0])
