# Names bound by loops, with, except, import, and their lifetimes.
for loopvar in range(3):
    pass
print(loopvar)
try:
    raise ValueError("x")
except ValueError as err:
    print("inside", err)
try:
    err
except NameError as e:
    print("NameError:", e)
import math as m
print(m.floor(2.5))
del m
print("m" in dir())
import contextlib
with contextlib.nullcontext(42) as w:
    pass
print(w)
def f():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        pass
    return "exc" in locals()
print(f())
