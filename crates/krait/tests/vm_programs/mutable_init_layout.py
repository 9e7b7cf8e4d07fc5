# BytesIO.getbuffer exports, list/set/dict.__init__ via super(), and the
# __slots__ solid-base rule (two `__slots__ = ()` classes over one slotted base).
import io
b = io.BytesIO(b'xy'); m = b.getbuffer(); print(m.readonly, m.format, len(m))
for op in (lambda: b.write(b'abc'), lambda: b.truncate(0), lambda: b.close()):
    try: op()
    except BufferError as e: print('BufferError', e)
m[0] = 65
print(b.getvalue(), bytes(m))
m.release(); b.write(b'abc'); print(b.getvalue())
with b.getbuffer() as m2: print(len(m2), m2.tobytes())
b.write(b'q'); print(b.getvalue())
b.close()
try: b.getbuffer()
except ValueError as e: print('ValueError', e)
import pickle
print(pickle.loads(pickle.dumps({'a': [1, 2.5, 'x'] * 3}, protocol=4)))

class L(list):
    def __init__(self, x):
        super().__init__(x)
class S(set):
    def __init__(self, x):
        super().__init__(x)
class D(dict):
    def __init__(self):
        base = super()
        base.__init__({'a': 1}, b=2)
print(L([1, 2]), S([3]), D())
from collections import UserDict
print(dict(UserDict(a=1)))
l = [1, 2]; l.__init__(l); print(l)
s = {1}; s.__init__(s); print(s)
d = {1: 2}; d.__init__([(3, 4)], a=1); print(d)
for f in [lambda: [].__init__(1, 2), lambda: [].__init__(x=1), lambda: set().__init__(x=1),
          lambda: set().__init__(1, 2), lambda: {}.__init__(1, 2)]:
    try: f()
    except TypeError as e: print('TypeError', e)

class Base:
    __slots__ = ('a', 'b')
class P1(Base):
    __slots__ = ()
class P2(Base):
    __slots__ = ()
class Both(P1, P2):
    pass
x = Both(); x.a = 1; print(x.a, Both.__mro__[1:3])
class Q1(Base):
    __slots__ = ('c',)
class Q2(Base):
    __slots__ = ('d',)
try:
    class Bad(Q1, Q2):
        pass
except TypeError as e:
    print('TypeError', e)
class B(bytearray):
    def __init__(self, x):
        super().__init__(x)
print(B(b'ab'), B(3), B([1, 2]))
b = bytearray(b'xyz'); b.__init__(b'q'); print(b)
b.__init__('hé', 'utf-8'); print(b)
m = memoryview(b)
try: b.__init__(b'zz')
except BufferError as e: print('BufferError', e)
m.release()
try: b.__init__('x')
except TypeError as e: print('TypeError', e)
b.__init__(); print(b)
e = bytearray(); m = memoryview(e); e.__init__(b""); print(e, len(m))
try: e.__init__(b"abc")
except BufferError as x: print("BufferError", x)
from collections import defaultdict, deque, OrderedDict, Counter
class D(defaultdict):
    def __init__(self):
        super().__init__(list)
d = D(); d['a'].append(1); print(d)
class Q(deque):
    def __init__(self, it):
        super().__init__(it, 3)
print(Q([1,2,3,4]))
class C(Counter):
    def __init__(self, s):
        super().__init__(s)
print(C('aab'))
class O(OrderedDict):
    def __init__(self, **k):
        super().__init__(**k)
print(O(b=1, a=2))
