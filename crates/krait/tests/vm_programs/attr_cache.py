# LOAD_ATTR/STORE_ATTR inline caches: class changes, descriptors, __setattr__/
# __getattribute__ added and removed later, dict positions differing per instance.
class A:
    def __init__(self): self.x = 1
def get(o): return o.x
def put(o, v): o.x = v
a = A()
for i in range(3): print(get(a)); put(a, i)
A.x = property(lambda self: 'prop')
print(get(a))
try:
    put(a, 5)
except AttributeError as e: print('AE')
del A.x
print(get(a)); put(a, 9); print(get(a))
def sa(self, n, v): print('setattr', n, v); object.__setattr__(self, n, v)
A.__setattr__ = sa
put(a, 10); print(get(a))
del A.__setattr__
put(a, 11); print(get(a))
A.__getattribute__ = lambda self, n: 'ga'
print(get(a))
del A.__getattribute__
print(get(a))
class B(A): pass
b = B(); print(get(b)); put(b, 3); print(get(b))
A.x = 'classattr'
print(get(b), b.__dict__)
del A.x
b.__dict__.clear(); 
try: print(get(b))
except AttributeError as e: print('AE', e)
put(b, 'again'); print(get(b))
class C:
    __slots__ = ()
class D:
    pass
d = D(); d.y = 1; d.x = 2; print(get(d)); put(d, 3); print(d.__dict__)
e = D(); e.x = 5; print(get(e)); put(e, 6); print(e.__dict__)

class A2: pass
class B2(A2): pass
a, b = A2(), B2()
A2.__eq__ = lambda s, o: True
print(a == 1, b == 2, hash(a) == hash(a))
A2.__add__ = lambda s, o: ('add', o)
print(a + 1, b + 2)
A2.__len__ = lambda s: 7
print(len(a), len(b), bool(b))
A2.__repr__ = lambda s: 'R'
print(repr(a), repr(b), str(b))
A2.__call__ = lambda s, *x: x
print(a(1, 2), b(3))
B2.__getattr__ = lambda s, n: n.upper()
print(b.zzz)
try: a.zzz
except AttributeError as e: print(e)
A2.__iter__ = lambda s: iter([1,2])
print(list(b))

# A builtin's own __hash__ restored under a class that made instances unhashable.
class Eq3:
    def __eq__(self, o):
        return True


class EqHash3(Eq3):
    __hash__ = object.__hash__


print(EqHash3() == 1, isinstance(hash(EqHash3()), int))
try:
    hash(Eq3())
except TypeError as e:
    print(e)
