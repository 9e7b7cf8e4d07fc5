# sys._getframe(): walking f_back, co_name, f_lineno, f_locals keys, f_globals.
import sys
def show_stack():
    f = sys._getframe()
    out = []
    while f is not None:
        out.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    return out
def level2(x):
    y = x + 1
    return show_stack(), sorted(sys._getframe().f_locals), sys._getframe(1).f_code.co_name
def level1():
    return level2(5)
stack, local_names, caller = level1()
print(stack)
print(local_names, caller)
print(sys._getframe().f_code.co_name, sys._getframe().f_globals is globals(), sys._getframe().f_back)
try:
    sys._getframe(100)
except ValueError as e:
    print("ValueError:", e)
def lineno():
    return sys._getframe(1).f_lineno
print("line", lineno())
x = (lineno(),
     lineno())
print(x)
class K:
    where = sys._getframe().f_code.co_name
    locs = sorted(sys._getframe().f_locals)
print(K.where, K.locs)
print([sys._getframe().f_code.co_name for _ in range(1)], (lambda: sys._getframe().f_code.co_name)())
