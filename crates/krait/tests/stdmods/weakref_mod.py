import _weakref
class C:
    def __init__(self): self.x = 1
    def m(self): return 'm'
c = C()
r = _weakref.ref(c)
print(r() is c, r().x, type(r).__name__, r == _weakref.ref(c), hash(r) == hash(c), isinstance(r, _weakref.ReferenceType))
p = _weakref.proxy(c)
print(p.x, p.m())
p.y = 5
print(c.y, type(p).__name__)
def fn(a): return a * 2
cp = _weakref.proxy(fn)
print(cp(21), type(cp).__name__)
for bad in [lambda: _weakref.ref(1), lambda: _weakref.ref('s')]:
    try:
        bad()
    except TypeError as e:
        print(e)
d = {'k': 1, 'r': r}
_weakref._remove_dead_weakref(d, 'absent')
_weakref._remove_dead_weakref(d, 'r')
try:
    _weakref._remove_dead_weakref(d, 'k')
except TypeError as e:
    print(e)
print(sorted(d))
