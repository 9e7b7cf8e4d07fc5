# gc introspection that is stable across implementations: is_tracked of lists and atoms, referents of containers.
import gc
print(gc.is_tracked([]), gc.is_tracked([[]]), gc.is_tracked(1), gc.is_tracked("s"))
lst = [1, "a", (2,)]
print(sorted(map(repr, gc.get_referents(lst))))
d = {"k": [1]}
print(any(r == [1] for r in gc.get_referents(d)))
class Holder:
    pass
h = Holder()
h.items = [h]
print(h in gc.get_referents(h.items), gc.collect() >= 0)
print(gc.get_count().__class__.__name__, len(gc.get_count()), isinstance(gc.garbage, list), len(gc.garbage))
