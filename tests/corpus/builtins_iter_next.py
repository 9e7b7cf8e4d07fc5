# iter() and next() on builtin iterables; exhaustion; length hints.
for obj in ([1, 2], (3,), "ab", b"ab", {"k": 1}, {5}, range(2), frozenset([7]), bytearray(b"z"), {"a": 1}.items()):
    it = iter(obj)
    print(type(it).__name__, list(it), next(it, "exhausted"))
import operator
print(operator.length_hint(iter([1, 2, 3])), operator.length_hint(iter(range(10))), operator.length_hint(x for x in "ab"))
r = iter(range(3))
next(r)
print(list(r))
f = iter([1, 2]).__next__
print(f(), f())
try:
    f()
except StopIteration:
    print("StopIteration")
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
