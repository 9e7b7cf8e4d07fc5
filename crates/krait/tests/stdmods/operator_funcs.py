import _operator as op
class P0: pass
print(op.add(1, 2), op.sub(5, 3), op.mul('a', 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10), op.neg(5), op.pos(-5), op.invert(5), op.inv(0), op.abs(-3.5))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.lshift(1, 70), op.rshift(256, 4), op.neg(-2**70), op.invert(2**70))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.gt(1, 2), op.ge(3, 2), op.not_([]), op.truth([0]), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.contains('abc', 'b'), op.countOf([1, 2, 1], 1), op.indexOf('abc', 'c'), op.getitem([1, 2, 3], 1), op.index(7))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l)
x = [1]; y = op.iadd(x, [2]); print(x, y is x, op.iadd(1, 2), op.imul('ab', 2), op.isub(5, 1), op.ipow(2, 3))
print(op.length_hint([1, 2, 3]), op.length_hint(P0(), 5), op.length_hint(type('H', (), {'__length_hint__': lambda self: 4})()), op._compare_digest('abc', 'abc'))
g = op.itemgetter(1); print(g([1, 2, 3]), g('xyz'), g)
g2 = op.itemgetter(0, 2); print(g2('abc'), g2)
class P:
    def __init__(self): self.a = 1; self.b = self
    def m(self, x, y=0): return ('m', x, y)
a = op.attrgetter('a'); print(a(P()), a)
a2 = op.attrgetter('a', 'b.a'); print(a2(P()), a2)
mc = op.methodcaller('m', 5, y=6); print(mc(P()), mc)
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=op.itemgetter(1)))
print(list(map(op.methodcaller('upper'), ['a', 'b'])))
for bad in [lambda: op.add(1, 'a'), lambda: op.neg('a'), lambda: op.concat(1, 2), lambda: op.indexOf([1], 5), lambda: op.itemgetter(), lambda: op.attrgetter(1), lambda: op.methodcaller(), lambda: op.itemgetter(5)([1]), lambda: op.attrgetter('zz')(1), lambda: op.index(1.5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
