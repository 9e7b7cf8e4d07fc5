# Deep nesting in repr/==/str raises RecursionError; reentrant __eq__ in a dict, mutation during list.sort and deep recursion give CPython's errors.
import sys
a = []
for _ in range(200000):
    a = [a]
try:
    repr(a)
except RecursionError as e:
    print("repr:", type(e).__name__)
b = []
for _ in range(200000):
    b = [b]
try:
    print(a == b)
except RecursionError as e:
    print("eq:", type(e).__name__)
d = {}
for _ in range(100000):
    d = {1: d}
try:
    str(d)
except RecursionError as e:
    print("dict:", type(e).__name__)
class K:
    def __hash__(self): return 1
    def __eq__(self, o):
        dd.clear()
        return False
dd = {}
dd[K()] = 1
dd[K()] = 2
try:
    print(dd.get(K()))
except RuntimeError as e:
    print("RuntimeError", e)
l = list(range(100))
def key(x):
    l.append(x)
    return x
try:
    l.sort(key=key)
except ValueError as e:
    print("ValueError", e)
def f(n): return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("rec:", e)
l = [3, 1, 2]
def bad(x):
    if x == 2: raise KeyError(x)
    return x
try: l.sort(key=bad)
except KeyError as e: print("KeyError", e, l)
l = [3, "a", 1]
try: l.sort()
except TypeError as e: print(e, l)
l = [5, 3, 9, 1]; l.sort(reverse=True); print(l)
def k2(x):
    print(len(l)); return x
l.sort(key=k2); print(l)
