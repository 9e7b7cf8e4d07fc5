from _collections import deque, _count_elements
import _collections
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], 2 in d, 9 in d, bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.extend('ab'); d.extendleft([7, 8])
print(d, list(d), list(reversed(d)))
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.reverse(); print(d, d.count(1), d.index(2))
d.insert(1, 'x'); d.remove('a'); print(d)
d[0] = 'first'; del d[1]; print(d)
m = deque(range(10), maxlen=3)
print(m, m.maxlen, deque().maxlen)
m.append(10); m.appendleft(-1); print(m)
m.extend(range(5)); print(m)
print(deque([1, 2]) == deque([1, 2]), deque([1]) < deque([2]), deque([1, 2]) + deque([3]))
c = d.copy(); c.clear(); print(c, d)
x = deque([1]); x.extend([2, 3]); print(x)
x.extend(x); print(x)
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1]).index(7), lambda: deque([1]).remove(7),
            lambda: deque([1], maxlen=1).insert(0, 2), lambda: deque([], maxlen=-1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
it = iter(d)
d.append(1)
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
counts = {}
_count_elements(counts, 'abracadabra')
print(sorted(counts.items()))
class D(deque):
    pass
print(D([1, 2]), type(D()).__name__, deque.__name__)
try:
    hash(deque())
except TypeError as e:
    print(e)
d = deque([1, 2])
print(d * 2, 2 * d, deque([1, 2, 3], maxlen=4) * 2, d * 0, d * -1)
try:
    d * 'a'
except TypeError as e:
    print(e)
