# Classes with `__slots__ = ()` share their base's instance layout, so they
# combine in multiple inheritance (asyncio.transports' Transport); bases that
# each add slots still conflict. types.SimpleNamespace and time.get_clock_info.
import copy
import sys
import time
import types

class Base:
    __slots__ = ("_extra",)
    def __init__(self, extra=None):
        self._extra = extra

class Read(Base):
    __slots__ = ()

class Write(Base):
    __slots__ = ()

class Both(Read, Write):
    __slots__ = ()

b = Both("x")
print(b._extra, [c.__name__ for c in Both.__mro__])
try:
    b.other = 1
except AttributeError as e:
    print("AttributeError", e)

class Deeper(Read):
    __slots__ = ()

class Mixed(Deeper, Write):
    pass

m = Mixed(5)
m.other = 6
print(m._extra, m.other)

class A:
    __slots__ = ("a",)

class B:
    __slots__ = ("b",)

try:
    class AB(A, B):
        pass
except TypeError as e:
    print("TypeError", e)

class A2(A):
    __slots__ = ("a2",)

try:
    class Conflict(A2, Read):
        pass
except TypeError as e:
    print("TypeError", e)

class Sub(A2, A):
    pass
s = Sub()
s.a, s.a2 = 1, 2
print(s.a, s.a2)

# types.SimpleNamespace
ns = types.SimpleNamespace(a=1, b="two")
ns.c = [3]
print(ns, ns.a, ns.c)
print(ns == types.SimpleNamespace(a=1, b="two", c=[3]), ns != types.SimpleNamespace())
del ns.b
print(ns, vars(ns))
ns.self = ns
print(repr(ns))
try:
    hash(ns)
    print("hashable")
except TypeError:
    print("unhashable")
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print("TypeError", type(e).__name__)
class Custom(types.SimpleNamespace):
    pass
print(Custom(x=1))
dup = copy.deepcopy(types.SimpleNamespace(p=1, q=[2, 3]))
print(dup, type(dup).__name__)
print(type(sys.implementation) is types.SimpleNamespace, sys.implementation.cache_tag is not None)
print(types.SimpleNamespace.__name__, types.SimpleNamespace.__module__)

for name in ("time", "monotonic", "perf_counter", "process_time", "thread_time"):
    print(name, time.get_clock_info(name))
try:
    time.get_clock_info("nope")
except ValueError as e:
    print("ValueError", e)
