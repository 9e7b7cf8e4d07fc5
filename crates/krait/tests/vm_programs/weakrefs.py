# Weak references: liveness, sharing, callbacks (order, exceptions), hashing,
# equality, proxies, which types can be weakly referenced, the containers of
# weakref.py and the cycle collector's handling of weak references.
import gc
import sys
import weakref


class C:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "C(%d)" % self.n


c = C(1)
r = weakref.ref(c)
print(r() is c, weakref.ref(c) is r, weakref.getweakrefcount(c))
log = []
r2 = weakref.ref(c, lambda w: log.append(("r2", w is r2, w())))
r3 = weakref.ref(c, lambda w: log.append(("r3", w is r3)))
print(weakref.getweakrefcount(c), weakref.getweakrefs(c) == [r, r3, r2])
print(r2.__callback__ is not None, r.__callback__)
h = hash(r)
print(r == weakref.ref(c, lambda w: None), r != r2)
del c
print(log, r(), r2(), hash(r) == h, r2.__callback__)
print(repr(r).startswith("<weakref at 0x"), repr(r).endswith("; dead>"))
try:
    hash(r3)
except TypeError as e:
    print("TypeError:", e)
print(r == r2, r == r)

for obj in ([], {}, (), 1, "s", None, object(), 2.5, b"x"):
    try:
        weakref.ref(obj)
    except TypeError as e:
        print("TypeError:", e)


class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class T(tuple):
    pass


class L(list):
    pass


def f():
    pass


def gen():
    yield 1


for obj in (Slotted(), SlottedWeak(), T(), L(), f, gen(), C, set(), frozenset(), sys,
            f.__code__, C(0).__repr__):
    try:
        weakref.ref(obj)
        print(type(obj).__name__, "ok")
    except TypeError as e:
        print("TypeError:", e)

# Proxies.
d = C(7)
p = weakref.proxy(d)
print(p.n, str(p), weakref.proxy(d) is p, weakref.getweakrefcount(d))
p.n = 8
print(d.n)
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
del d
try:
    p.n
except ReferenceError as e:
    print("ReferenceError:", e)
nums = [3, 1, 2]


class Seq(list):
    pass


s = Seq([3, 1, 2])
ps = weakref.proxy(s)
print(len(ps), ps[0], list(ps), ps + [9], 1 in ps)
cp = weakref.proxy(f)
print(type(cp).__name__, cp() is None)

# Callback exceptions are unraisable.
sys.unraisablehook = lambda u: print("unraisable:", type(u.exc_value).__name__,
                                     u.exc_value, u.object.__name__)


def bad(w):
    raise ValueError("boom")


e = C(3)
re_ = weakref.ref(e, bad)
del e
print("after bad callback")

# Cycles: weak references to garbage are cleared by the collector; a weak
# reference that is garbage itself doesn't get its callback.
gc.collect()


class Node:
    pass


a = Node()
b = Node()
a.other, b.other = b, a
ra = weakref.ref(a, lambda w: print("callback for a"))
a.self_ref = weakref.ref(b, lambda w: print("never: garbage weakref"))
del a, b
print("before collect", ra() is not None)
print(gc.collect() > 0, ra())

# weakref.py's containers.
vd = weakref.WeakValueDictionary()
k1, k2 = C(1), C(2)
vd["a"], vd["b"] = k1, k2
print(sorted(vd.keys()), vd["a"])
del k1
print(sorted(vd.keys()), "a" in vd, len(vd))
kd = weakref.WeakKeyDictionary()
key = C(5)
kd[key] = "five"
print(len(kd), kd[key])
del key
print(len(kd))
ws = weakref.WeakSet()
items = [C(i) for i in range(3)]
for it in items:
    ws.add(it)
print(len(ws))
del items[0]
print(len(ws), sorted(x.n for x in ws))


class M:
    def meth(self):
        return "called"


m = M()
wm = weakref.WeakMethod(m.meth)
print(wm()())
del m
print(wm())
fin_obj = C(9)
fin = weakref.finalize(fin_obj, print, "finalized", 9)
print(fin.alive)
del fin_obj
print(fin.alive)
