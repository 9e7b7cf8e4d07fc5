# __del__ timing: refcount drop, reassignment, function exit, exceptions in __del__.
class R:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
x = R(1)
x = R(2)
print("reassigned")
def scope():
    r = R(3)
    print("leaving scope")
scope()
print("after scope")
lst = [R(4), R(5)]
lst.pop()
print("popped")
del lst
print("list deleted")
class Bad:
    def __del__(self):
        raise ValueError("ignored in __del__")
import sys
sys.unraisablehook = lambda u: print("unraisable:", type(u.exc_value).__name__, u.exc_value)
Bad()
print("still running")
class Resurrect:
    saved = []
    def __del__(self):
        print("resurrecting")
        Resurrect.saved.append(self)
Resurrect()
print(len(Resurrect.saved))
x = None
print("end of module")
