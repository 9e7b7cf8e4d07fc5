# The gc module: collect() counts and finalizes unreachable objects in one call,
# callbacks, referrers/referents, tracking, statistics, debug flags, freezing;
# __del__ order and "Exception ignored in" reports through sys.unraisablehook.
import gc
import sys


class A:
    pass


a = A()
b = [a]
print(b in gc.get_referrers(a), any(o is b for o in gc.get_objects()))
print(gc.get_referents([1, a]) == [a, 1], gc.get_referents((2, a)) == [a, 2])
log = []
gc.callbacks.append(lambda phase, info: log.append((phase, sorted(info))))
x = []
x.append(x)
del x
print(gc.collect() >= 1, log)
gc.callbacks.clear()


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)


d = D("d")
print(gc.is_finalized(d))
cycle = D("cycle")
cycle.me = cycle
del cycle
print("collected", gc.collect())
gc.set_debug(gc.DEBUG_LEAK)
print(gc.get_debug() == gc.DEBUG_LEAK)
gc.set_debug(0)
print(len(gc.get_stats()), sorted(gc.get_stats()[2]))
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.is_tracked(1), gc.is_tracked([]), gc.is_tracked(A()), gc.is_tracked("s"))
for bad in (5, -2):
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print("ValueError:", e)

# __del__ order: lists and tuples release items last to first; a callee's
# locals die when it returns.
items = [D("l0"), D("l1"), D("l2")]
items.clear()
t = (D("t0"), D("t1"))
del t
lst = [D("x0"), D("x1")]
lst = None


def temp():
    local = D("local")
    return local.name


print(temp(), "returned")
holder = {"k": D("in dict")}
del holder["k"]
print("after del item")


class Obj:
    pass


o = Obj()
o.attr = D("attr")
del o.attr
print("after del attr")

# Exceptions in __del__ are unraisable.
sys.unraisablehook = lambda u: print("unraisable:", type(u.exc_value).__name__,
                                     u.exc_value, u.object.__qualname__, u.err_msg)


class Bad:
    def __del__(self):
        raise RuntimeError("in __del__")


Bad()
print("still running")
del d
