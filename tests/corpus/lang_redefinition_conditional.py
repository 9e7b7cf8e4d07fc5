# Conditional and repeated definitions: functions and classes defined in branches and loops.
import sys
if sys.version_info >= (3, 11):
    def feature(): return "3.11 path"
else:
    def feature(): return "old path"
print(feature())
def f(): return 1
first = f
def f(): return 2
print(first(), f(), first is not f)
makers = []
for n in range(3):
    class Dyn:
        value = n
        def get(self): return self.value
    makers.append(Dyn)
print([m().get() for m in makers], len({id(m) for m in makers}) == 3)
try:
    def inside_try(): return "defined in try"
    raise RuntimeError
except RuntimeError:
    def inside_except(): return "defined in except"
print(inside_try(), inside_except())
while True:
    def in_loop(): return "defined in while"
    break
print(in_loop())
import contextlib
with contextlib.nullcontext():
    class InWith: pass
print(InWith.__name__)
