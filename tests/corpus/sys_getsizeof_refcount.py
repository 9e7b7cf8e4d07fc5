# Introspection that must not be printed raw (sizes/refcounts vary): only relations.
import sys
a = []
print(sys.getsizeof([]) <= sys.getsizeof([1, 2, 3]), sys.getsizeof("") < sys.getsizeof("a" * 100))
before = sys.getrefcount(a)
b = a
print(sys.getrefcount(a) == before + 1)
del b
print(sys.getrefcount(a) == before)
print(isinstance(sys.getrefcount(None), int), sys.getsizeof(1, "default") != "x")
