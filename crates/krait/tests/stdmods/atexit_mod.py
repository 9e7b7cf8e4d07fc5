import atexit
def f(*a, **k):
    print('f', a, k)
def g():
    print('g runs before f')
atexit.register(f, 1, x=2)
atexit.register(g)
r = atexit.register(print, 'unregistered')
print(r is print)
atexit.unregister(print)
@atexit.register
def deco():
    print('decorated, runs first')
try:
    atexit.register(5)
except TypeError as e:
    print('TypeError', e)
print('main done')
raise SystemExit(3)
