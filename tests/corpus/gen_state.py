# Generator state inspection and reentrancy error.
import inspect
def g():
    yield inspect.getgeneratorstate(me)
    yield 2
me = g()
print(inspect.getgeneratorstate(me))
print(next(me))
print(inspect.getgeneratorstate(me))
list(me)
print(inspect.getgeneratorstate(me))
def reenter():
    yield next(r)
r = reenter()
try:
    next(r)
except ValueError as e:
    print("ValueError:", e)
def counter():
    i = 0
    while True:
        i += 1
        yield i
c = counter()
print([next(c) for _ in range(3)], c.gi_frame.f_locals)
print(c.gi_code.co_name, inspect.isgenerator(c), inspect.isgeneratorfunction(counter))
def lazy_args():
    print("body started")
    yield
la = lazy_args()
print("created")
next(la)
