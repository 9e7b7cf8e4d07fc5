class L(list): pass
l = L([1,2]); l.x = 5
print(l, l.x, l.__dict__, vars(l), type(l).__name__, len(l))
class D(dict): pass
d = D(a=1); d.y = 2; print(d, d.y, d.__dict__)
del d.y
print(d.__dict__)
class T(tuple): pass
t = T((1,2)); t.z = 3; print(t, t.z)
class S(str): pass
s = S("ab"); s.q = 1; print(s, s.q, s.upper())
class FS(frozenset): pass
f = FS([1]); f.a = 1; print(f, f.a)
class St(set): pass
f = St([1]); f.a = 1; print(f, f.a)
class LL(L): pass
ll = LL([3]); ll.k = 9; print(ll, ll.k)
import gc
a = L(); a.me = a; del a; gc.collect()
try:
    [].x = 1
except AttributeError as e: print(e)
from collections import OrderedDict
o = OrderedDict(); o['a']=1; o['b']=2; o.move_to_end('a'); print(o)
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y): self.x = x; self.y = y
p = P(1, 2)
print(p.x, p.y, hasattr(p, '__dict__'))
try: p.z = 3
except AttributeError as e: print("AttributeError:", e)
del p.x
try: p.x
except AttributeError as e: print("AttributeError:", e)
print(type(P.x).__name__, P.__slots__, P.x)
class Q(P):
    pass
q = Q(1, 2); q.z = 3; print(q.z, q.__dict__)
class R(P):
    __slots__ = ('w',)
r = R(1, 2); r.w = 9; print(r.w, r.x, hasattr(r, '__dict__'))
class S:
    __slots__ = ('a', '__dict__')
s = S(); s.a = 1; s.b = 2; print(s.a, s.__dict__)
for spec in ['1', '(1,)', '("a b",)', '("__dict__","__dict__")', '("x","x")']:
    try:
        exec('class A:\n  __slots__='+spec)
    except Exception as e: print(type(e).__name__, e)
try:
    class B:
        v = 1
        __slots__ = ('v',)
except ValueError as e: print("ValueError:", e)
class C: __slots__=('a','__b')
print(C.a, C._C__b, type(C.a))
class D(dict): __slots__=('q',)
d=D(); d.q=3; print(d.q)
try: d.r=1
except AttributeError as e: print(e)
try: C.a.__get__(1)
except TypeError as e: print(e)
class HS(list):
    __slots__ = 'hashvalue'
    def __init__(self, tup):
        self[:] = tup
        self.hashvalue = hash(tup)
h = HS((1,2)); print(h, h.hashvalue == hash((1,2)))
class A1:
    def who(self): return "A"
class B1:
    def who(self): return "B"
o = A1(); o.__class__ = B1; print(o.who(), type(o).__name__)
for bad in [lambda: setattr(1, '__class__', str), lambda: setattr(o, '__class__', P), lambda: setattr(o, '__class__', 5), lambda: delattr(o, '__class__'), lambda: setattr(P(1,2), '__class__', R)]:
    try: bad()
    except TypeError as e: print("TypeError:", e)
class L1(list): pass
class L2(list): pass
l = L1(); l.__class__ = L2; print(type(l).__name__)
try: l.__class__ = list
except TypeError as e: print("TypeError:", e)
class P2:
    __slots__ = ('x', 'y')
pp = P(1,2); pp.__class__ = P2; print(type(pp).__name__, pp.x)
class Meters(int):
    def __repr__(self): return "%dm" % self
    def __add__(self, o): return Meters(int(self) + o)
print(Meters(3) + 4, repr(Meters(3) + 4), Meters(3) * 2, type(Meters(3) * 2).__name__)
class I(int): pass
x = I(5)
print(x, repr(x), x + 1, x == 5, hash(x) == hash(5), {5: 'a'}[x], isinstance(x, int), int(x), type(int(x)), f'{x:5}|', '%d' % x, x < 6, -x, abs(x), x.bit_length(), str(x))
x.attr = 3; print(x.attr, x.__dict__)
print(I(2**70), I(2**70) + 1, I("12"), I("ff", 16), I(), bool(I(0)), I(3) // 2, divmod(I(7), 2), 7 - I(2), 2 ** I(3), round(I(7)), float(I(3)), [1,2,3][I(1)])
class Pos(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative")
        return super().__new__(cls, v)
print(Pos(5) + 1, type(Pos(5) + 1).__name__, type(Pos(5)).__name__)
print(True + I(1), I(3) & 1, range(I(3)), hex(I(255)), I(4).real, I(4).numerator, I(4).conjugate())
class St2(set): pass
print(St2(), St2([1]), repr(St2([2])))
class A:
    def __add__(self, o):
        print("A.__add__")
        return NotImplemented
    def __radd__(self, o):
        print("A.__radd__")
        return "A.radd"
class B(A):
    def __radd__(self, o):
        print("B.__radd__")
        return "B.radd"
print(A() + B(), B() + A(), [1] + A(), (1,) + A(), "s" + A())
class DM:
    def __divmod__(self, o): return ("dm", o)
    def __rdivmod__(self, o): return ("rdm", o)
print(divmod(DM(), 2), divmod(2, DM()))
o = object()
print(object.__ne__(o, 1), object.__lt__(o, o), o.__ge__(o))
class M(float):
    def __repr__(self): return "M(%s)" % float.__repr__(self)
m = M(2.5)
print(m, repr(m), str(m), m + 1, type(m + 1).__name__, m * 2, -m, abs(M(-1.5)), m == 2.5, hash(m) == hash(2.5), {2.5: 'x'}[m])
print(isinstance(m, float), float(m), type(float(m)), int(m), f'{m:.3f}', '%.2f' % m, m < 3, 3 > m, m ** 2, 2 ** m, round(m), m.is_integer(), m // 1, m % 1, divmod(m, 1), bool(M(0.0)), M("1.5"), M(), m.hex(), m.real)
m.tag = 1; print(m.tag, m.__dict__)
class F(float): pass
print(F(3), repr(F(3.5)), F(1) + F(2), max(F(1), 2), sorted([F(3), 1.0, F(2)]))
import math
print(math.floor(F(2.7)), math.sqrt(F(4)))
class P(float):
    def __new__(cls, v): return super().__new__(cls, abs(v))
print(P(-3), type(P(-3)).__name__)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)
print(int.__new__(int, 7), tuple.__new__(tuple, [1]), int.__new__ is object.__new__)
class Pt(tuple):
    def __new__(cls, x, y): return super().__new__(cls, (x, y))
print(Pt(1, 2), type(Pt(1, 2)).__name__)
class Cx(complex): pass
c = Cx(1, 2); c.t = 1
print(c, c + 1, type(c + 1).__name__, c.t, c.real)
class Obj: pass
o = Obj(); o.__dict__ = {'k': 1}; print(o.k)
del o.__dict__; print(o.__dict__)
try:
    o.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
import gc
class Cyc(list): pass
for _ in range(3):
    a = Cyc(); a.append(a); a.me = a
del a
print(gc.collect() >= 0)
class P:
    __slots__ = ('x',)
def f(o):
    for i in range(3):
        try:
            o.z = i
        except AttributeError as e:
            print("AE", e)
f(P())
class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
def g(o, c):
    o.__class__ = c
    return o.who()
a = A()
print(g(a, B), g(a, A), g(a, B), a.__dict__)
def h(o, d):
    o.__dict__ = d
for i in range(3):
    h(a, {'n': i}); print(a.n, a.__dict__)
class SA:
    __slots__ = ('a',)
class SB:
    __slots__ = ('b',)
try:
    class SC(SA, SB): pass
except TypeError as e:
    print("TypeError:", e)
class SD(SA): __slots__ = ('d',)
class SE(SD, SA): pass
se = SE(); se.a = 1; se.d = 2; se.e = 3
print(se.a, se.d, se.e)
