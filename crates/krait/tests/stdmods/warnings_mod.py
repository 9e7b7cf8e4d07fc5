import _warnings
print(len(_warnings.filters) >= 2, _warnings.filters[0][:2], _warnings._defaultaction)
# Warnings are issued through a helper (stacklevel=2 names its caller's line).
def w(*args, **kwargs):
    _warnings.warn(*args, stacklevel=2, **kwargs)
def f():
    _warnings.warn("from f", stacklevel=3)
def g():
    f()
w("hello")
w("hello")
for i in range(2):
    w("loop", RuntimeWarning)
g()
w(UserWarning("instance"))
w("dep", DeprecationWarning)
_warnings.warn("deep", stacklevel=10)
try:
    w("x", str)
except TypeError as e:
    print(e)
_warnings.filters.insert(0, ('error', None, RuntimeWarning, None, 0))
try:
    w("now error", RuntimeWarning)
except RuntimeWarning as e:
    print('raised', e)
_warnings.filters.insert(0, ('always', None, UserWarning, None, 0))
for i in range(2):
    w("always")
_warnings.filters.insert(0, ('once', None, UserWarning, None, 0))
for i in range(2):
    w("once")
w("once")
_warnings.filters.insert(0, ('ignore', None, Warning, None, 0))
w("ignored")
print('end')
