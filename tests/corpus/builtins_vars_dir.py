# vars() and dir() of classes, instances, modules; locals(), globals().
class Base:
    base_attr = 1
    def base_method(self): pass
class Child(Base):
    child_attr = 2
    def __init__(self): self.inst = 3
    def child_method(self): pass
c = Child()
print(vars(c), sorted(k for k in vars(Child) if not k.startswith("__")))
print([n for n in dir(Child) if not n.startswith("__")])
print([n for n in dir(c) if not n.startswith("__")])
print(sorted(n for n in dir(Base) if n.startswith("__"))[:8])
try:
    vars(1)
except TypeError as e:
    print("TypeError:", e)
def f(a, b=2):
    x = 3
    return sorted(locals().items())
print(f(1))
import math
print("sqrt" in dir(math), vars(math)["pi"], "__name__" in globals(), globals()["__name__"])
print([n for n in dir() if not n.startswith("_")])
print(dir([])[-3:], len(dir(int)) > 50)
