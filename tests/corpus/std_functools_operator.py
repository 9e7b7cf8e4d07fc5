# functools and operator: partial, reduce, lru_cache, singledispatch, total_ordering, itemgetter.
import functools, operator
p = functools.partial(pow, 2)
print(p(10), p.func is pow, p.args, functools.partial(print, sep="-")("a", "b") or "")
print(functools.reduce(lambda a, b: a * 10 + b, [1, 2, 3]), functools.reduce(operator.add, [], "init"))
@functools.lru_cache(maxsize=2)
def sq(n):
    print("computing", n)
    return n * n
print(sq(2), sq(2), sq(3), sq(4), sq(2), sq.cache_info())
@functools.singledispatch
def describe(x): return "object"
@describe.register
def _(x: int): return "int %d" % x
@describe.register(list)
def _(x): return "list of %d" % len(x)
print(describe(1), describe([1, 2]), describe("s"), describe(True))
print(operator.itemgetter(1, 0)("ab"), operator.attrgetter("real", "imag")(3 + 4j), operator.methodcaller("upper")("x"))
print(operator.add(1, 2), operator.neg(5), operator.contains([1], 1), operator.getitem({"k": 9}, "k"), operator.not_(0))
print(sorted([{"n": 2}, {"n": 1}], key=operator.itemgetter("n")), operator.index(5), operator.concat([1], [2]))
print(functools.cmp_to_key(lambda a, b: a - b)(1) < functools.cmp_to_key(lambda a, b: a - b)(2))
class Cached:
    @functools.cached_property
    def val(self):
        print("computed once")
        return 7
cc = Cached()
print(cc.val + cc.val)
