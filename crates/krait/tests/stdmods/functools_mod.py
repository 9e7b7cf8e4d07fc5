from _functools import reduce, partial, cmp_to_key
import _functools
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1), reduce(max, [3, 9, 2]), reduce(lambda a, b: a + [b], 'ab', []))
def f(a, b, c=0, *, d=1):
    return (a, b, c, d)
p = partial(f, 1)
print(p(2), p(2, 3, d=4), p.func is f, p.args, p.keywords)
q = partial(p, 5, d=9)
print(q(), q(c=7), q.func is f, q.args, q.keywords, q(d=0))
r = partial(print, sep='-')
r('a', 'b')
print(repr(partial(max, 1, key=abs)), repr(partial(len)))
class MyP(partial):
    pass
print(MyP(max, 3)(7), type(MyP(max)).__name__)
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda a, b: len(b) - len(a))))
K = cmp_to_key(cmp)
print(K(1) < K(2), K(2) <= K(2), K(3) == K(3), K(1) > K(2), K(5).obj)
for bad in [lambda: reduce(lambda a, b: a, []), lambda: reduce(lambda a, b: a, 5), lambda: partial(), lambda: partial(5)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
