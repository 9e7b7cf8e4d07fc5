# Descriptor types of builtin types, mappingproxy, vars() and dir() against CPython.
import types
import pprint
import weakref


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


# mappingproxy: cls.__dict__ is a live read-only view.
class C:
    a = 1

    def m(self):
        return 2


mp = C.__dict__
print(type(mp).__name__, type(mp) is types.MappingProxyType, mp['a'], mp.get('a'), mp.get('zz', 5))
C.b = 2
print('b' in mp, mp['b'], [k for k in mp if not k.startswith('__')], len(mp) == len(dict(mp)))
print(sorted(k for k in mp.keys() if not k.startswith('__')), type(mp.copy()).__name__)
err(lambda: mp.__setitem__('x', 1))
err(lambda: mp.__delitem__('a'))
err(lambda: hash(mp))
p = types.MappingProxyType({1: 2, 3: 4})
print(repr(p), str(p), p | {5: 6}, {0: 1} | p, p == {1: 2, 3: 4}, p != {}, list(reversed(p)))
print(list(p.items()), list(p.values()), p.copy(), 3 in p, len(p), list(p))
err(lambda: types.MappingProxyType([]))
err(lambda: types.MappingProxyType())
q = p
try:
    q |= {}
except TypeError as e:
    print('TypeError', e)
print(dict(p), dict(mp)['a'])
pprint.pprint(p)
pprint.pprint({'dict': {'k%d' % i: i for i in range(4)}, 'list': list(range(12))}, width=40)

# slot wrappers, method-wrappers, method and classmethod descriptors.
print(type(object.__init__).__name__, object.__init__, int.__add__, str.__dict__['__add__'])
print(type((1).__add__).__name__, (1).__add__(2), int.__add__(1, 2), (1).__add__.__name__, (1).__add__.__qualname__)
print(type(list.append).__name__, list.append, type(list.__dict__['__getitem__']).__name__)
print(type(dict.__dict__['__contains__']).__name__, type([].__len__).__name__, type({}.__contains__).__name__)
print(type(dict.__dict__['fromkeys']).__name__, dict.__dict__['fromkeys'], dict.fromkeys('ab'))
print(dict.__dict__['fromkeys'](dict, 'x'), int.from_bytes(b'\x01', 'big'))
print(types.WrapperDescriptorType, types.MethodWrapperType, types.MethodDescriptorType)
print(types.ClassMethodDescriptorType, types.GetSetDescriptorType, types.MemberDescriptorType)
print(type(object().__str__) is types.MethodWrapperType, type(str.join) is types.MethodDescriptorType)
print(object.__init__.__objclass__, int.__add__.__name__, int.__add__.__qualname__)
err(lambda: int.__add__('a', 1))
err(lambda: int.__add__())
err(lambda: list.append())
print(sorted([3, 1, 2], key=int.__neg__), list(map(str.__len__, ['a', 'bb'])), int.__add__.__get__(3)(4))

# getset and member descriptors.
print(type(int.__dict__['real']).__name__, int.real, int.real.__name__, int.real.__objclass__)
print((5).real, (3 + 4j).imag, True.real, int.real.__get__(4), int.real.__get__(None, int) is int.real)
err(lambda: setattr(1, 'real', 3))
err(lambda: int.real.__get__('x'))


class I(int):
    pass


i = I(7)
print(i.real, i.numerator, vars(I))
err(lambda: setattr(i, 'real', 3))


class S:
    __slots__ = ('x', '__weakref__')


print(type(S.x) is types.MemberDescriptorType, S.x, S.x.__name__, S.x.__objclass__, vars(S))
print(type(types.FunctionType.__dict__['__code__']).__name__, types.FunctionType.__globals__)
print(type(type.__dict__['__name__']).__name__, type(type.__dict__['__mro__']).__name__)
err(lambda: types.FunctionType.__globals__.__set__(lambda: 0, {}))

# object.__class__ and each class's own __dict__ / __weakref__.


class D(C):
    pass


class E(Exception):
    pass


class DD(dict):
    pass


class M(type):
    pass


print(vars(C)['__dict__'], vars(C)['__weakref__'], vars(D), vars(E), vars(DD), vars(M))
print(object.__dict__['__class__'], type(object.__dict__['__class__']).__name__)
c = C()
c.z = 1
print(c.__class__.__name__, c.__dict__, C.__weakref__, c.__weakref__)
r = weakref.ref(c)
print(c.__weakref__ is r)
c.__dict__ = {'y': 2}
print(vars(c))
err(lambda: setattr(c, '__dict__', 5))
err(lambda: C.__dict__['__dict__'].__get__(1))
err(lambda: object().__dict__)


class C2:
    pass


c.__class__ = C2
print(type(c).__name__)
print(dir(c))
print(dir(C2))
print(sorted(object().__dir__())[:6], [n for n in dir(D) if not n.startswith('__')])
print([n for n in dir(i) if not n.startswith('_')][:5])
e = E('x')
e.foo = 1
print(e.__dict__, e.__class__.__name__, vars(e))

# BaseException's getsets.
class EG(Exception):
    def __getattr__(self, n): return n
e = EG(1)
print(e.args, e.zz, e.__traceback__, e.__cause__, e.__context__, e.__suppress_context__)
print(sorted(k for k in vars(BaseException) if not k.startswith('__') or k in ('__dict__', '__cause__', '__traceback__')))
print(BaseException.args, type(BaseException.__dict__['args']).__name__)
x = ValueError('a', 'b')
x.args = [1, 2]
print(x.args)
try: del x.args
except TypeError as err: print(err)
try: x.__cause__ = 5
except TypeError as err: print(err)
x.__cause__ = KeyError()
print(repr(x.__cause__), x.__suppress_context__)
x.foo = 3
print(x.__dict__, vars(x))
print([n for n in dir(x) if n in ('args', '__cause__', '__dict__', 'with_traceback', '__traceback__')])
try:
    raise EG('q')
except EG as err:
    print(err.args, type(err.__traceback__).__name__)
import os
try: os.stat('/nonexistent/x')
except OSError as err: print(err.args, err.errno)

# __iter__ of builtin iterables.
class L(list):
    def __iter__(self):
        print('it')
        return super().__iter__()
print(next(iter(L([1,2]))), [x for x in L([3])])
print(type([].__iter__()).__name__, list([].__iter__()), list((1,2).__iter__()), list('ab'.__iter__()), list({1:2}.__iter__()))
print(sorted({3,1}.__iter__()), list(frozenset([1]).__iter__()), list(range(3).__iter__()), list(b'ab'.__iter__()), list(bytearray(b'c').__iter__()))
print(type(list.__dict__['__iter__']).__name__, list.__iter__)
class S(str):
    def __iter__(self): return iter('zz')
print(list(S('ab')), list(str.__iter__(S('ab'))))
class B(bytes): pass
print(list(B(b'xy').__iter__()))

# __call__ slot wrappers.
f = lambda x, y=2: (x, y)
print(f.__call__(3), f.__call__(1, y=5), type(f.__call__).__name__, len.__call__(['a']), type(len.__call__).__name__)
class CC:
    def m(self, k=0): return k
print(CC().m.__call__(k=4), list.append.__call__(l := [], 1), l, int.__add__.__call__(1, 2), (1).__add__.__call__(2))
print(staticmethod(len).__call__('ab'), dict.__dict__['fromkeys'].__call__(dict, 'a'))
print(type(f).__dict__['__call__'], type(len).__dict__['__call__'])
print(callable(f), callable(C), callable(C()))

# member descriptors of builtin types.
r = range(1, 5, 2)
print(r.start, r.stop, r.step, slice(1, 2).stop, (1+2j).real, (1+2j).imag, range.start, complex.real)
try: r.start = 3
except AttributeError as e: print(e)
class Cx(complex): pass
print(Cx(3+1j).imag, range.start.__get__(r), range.start.__name__, range.start.__objclass__)
print(type(range.__dict__['start']).__name__, type(complex.__dict__['real']).__name__, type(slice.__dict__['step']).__name__)

# property/classmethod/staticmethod members and abstractness.
import abc
class AB(abc.ABC):
    @property
    @abc.abstractmethod
    def p(self): ...
    @classmethod
    @abc.abstractmethod
    def c(cls): ...
    @staticmethod
    @abc.abstractmethod
    def s(): ...
print(sorted(AB.__abstractmethods__))
print(AB.__dict__['p'].__isabstractmethod__, AB.__dict__['c'].__isabstractmethod__, property().__isabstractmethod__)
print(AB.__dict__['c'].__wrapped__.__name__, AB.__dict__['s'].__func__.__name__)
p = property(len)
print(p.fget, p.fset, p.fdel)

# __pow__/__rpow__ slot wrappers.
print((2).__pow__(10), (2).__rpow__(3), (2.0).__pow__(2), (2).__pow__(2.0), (2).__pow__(5, 3), (1j).__pow__(2), (2.0).__rpow__(2))
print(int.__pow__(3, 2), float.__pow__(2.0, -1), True.__pow__(2), pow(2, 10, 7))
class F(float): pass
print(F(2.0) ** 2, 2 ** F(0.5) > 1)
try: (2).__pow__(2.0, 3)
except TypeError as e: print(e)
print(sorted(n for n in dir(int) if 'pow' in n), sorted(n for n in dir(complex) if 'pow' in n))

# __float__ and __bool__ slot wrappers.
print((3).__float__(), (2.5).__float__(), True.__float__(), range(0).__bool__(), range(2).__bool__(), None.__bool__())
try: (10**400).__float__()
except OverflowError as e: print(e)
print(bool(range(0)), bool(None), float(7))

# __class_getitem__ of the generic containers.
class L(list): pass
print(L[int], list.__class_getitem__(int), list[int], dict[str, int], tuple[int, ...], set[int], frozenset[str], enumerate[int], type[int])
print(type(list.__dict__['__class_getitem__']).__name__, list[int]([1, 2]), L[int]((3,)))
class D(dict): pass
print(D[str, int], isinstance(L[int]([]), L))

# in-place operator slot wrappers.
l = [1]
print(l.__iadd__([2, 3]) is l, l, l.__imul__(2), l.__iadd__(1) if False else 0)
try: l.__iadd__(5)
except TypeError as e: print(e)
try: l.__imul__('x')
except TypeError as e: print(e)
d = {1: 2}
print(d.__ior__({3: 4}) is d, d, d.__ior__(5))
s = {1, 2, 3}
print(s.__ior__({4}), s.__iand__({1, 2, 4}), s.__isub__({1}), s.__ixor__({2, 9}), s, s.__iand__([1]))
class L(list):
    def __iadd__(self, o):
        print('iadd')
        return super().__iadd__(o)
x = L([1]); x += [2]; print(x, type(x).__name__)
class S(set):
    def __ior__(self, o):
        r = super().__ior__(o); print('ior', r); return r
y = S({1}); y |= {2}; print(sorted(y))
print(type(list.__dict__['__iadd__']).__name__)

# a class namespace that contains its own proxy.
class CS: pass
CS.me = CS.__dict__
print(str(CS.__dict__)[-40:])
print(repr(CS.__dict__)[-40:])
print(CS.__dict__['me']['me'] is not None)
