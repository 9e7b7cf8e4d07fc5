# weakref: ref callbacks, WeakValueDictionary, WeakSet, finalize, proxies.
import weakref, gc
class Obj:
    def __init__(self, n): self.n = n
    def __repr__(self): return "Obj(%d)" % self.n
o = Obj(1)
r = weakref.ref(o, lambda ref: print("callback, dead ref:", ref() is None))
print(r() is o, weakref.getweakrefcount(o))
del o
print(r())
cache = weakref.WeakValueDictionary()
k1, k2 = Obj(1), Obj(2)
cache["a"], cache["b"] = k1, k2
del k1
print(sorted(cache.keys()))
ws = weakref.WeakSet([k2])
print(len(ws))
f = weakref.finalize(k2, print, "finalizer ran")
print(f.alive)
del k2
print(len(ws), f.alive)
p_target = Obj(9)
p = weakref.proxy(p_target)
print(p.n, type(p).__name__)
del p_target
try:
    p.n
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    weakref.ref(1)
except TypeError as e:
    print("TypeError:", e)
