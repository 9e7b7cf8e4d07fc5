from _collections import defaultdict as dd
d = dd(list)
d['a'].append(1)
d['a'].append(2)
d['b']
print(d, d.default_factory, repr(dd()), dd(None, {'x': 1}, y=2), len(d), sorted(d.keys()), 'a' in d, 'z' in d)
c = dd(int)
for ch in 'mississippi':
    c[ch] += 1
print(sorted(c.items()), c.get('q'), 'q' in c, isinstance(c, dict), type(c).__name__)
e = c.copy()
e['m'] = 100
print(type(e).__name__, e['m'], c['m'], e.default_factory)
d.default_factory = set
d['s'].add(3)
print(d['s'], d.default_factory)
try:
    dd(5)
except TypeError as ex:
    print(ex)
try:
    dd()['k']
except KeyError as ex:
    print(repr(ex))
class Counter2(dd):
    def __missing__(self, key):
        return 'missing:' + key
print(Counter2(int)['x'])
