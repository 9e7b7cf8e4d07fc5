# gc.collect() frees reference cycles; __del__ runs; weakrefs are cleared.
import gc, weakref
finalized = []
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        finalized.append(self.name)
a = Node("a")
b = Node("b")
a.other, b.other = b, a
wa = weakref.ref(a)
del a, b
print("after del, alive:", wa() is not None)
print("collected something:", gc.collect() > 0)
print("after collect, alive:", wa() is not None, sorted(finalized))
c = Node("c")
del c
print("non-cyclic freed immediately", finalized[-1])
lst = []
lst.append(lst)
wr_target = Node("held")
holder = {"x": wr_target, "self": None}
holder["self"] = holder
del wr_target
del holder
gc.collect()
print(finalized[-1])
print(gc.isenabled(), isinstance(gc.get_threshold(), tuple))
gc.disable()
print(gc.isenabled())
gc.enable()
