# Data vs non-data descriptors and lookup precedence.
class NonData:
    def __get__(self, obj, cls):
        return "nondata"
class Data:
    def __get__(self, obj, cls):
        return "data"
    def __set__(self, obj, v):
        print("Data.__set__", v)
class C:
    nd = NonData()
    d = Data()
c = C()
print(c.nd, c.d)
c.__dict__["nd"] = "instance wins over non-data"
c.__dict__["d"] = "instance loses to data"
print(c.nd, c.d)
c.d = 5
class Verbose:
    def __get__(self, obj, cls):
        return (obj.__class__.__name__ if obj is not None else None, cls.__name__)
class H:
    v = Verbose()
print(H.v, H().v)
class Method:
    def __init__(self, f): self.f = f
    def __get__(self, obj, cls):
        if obj is None: return self
        return lambda *a: self.f(obj, *a)
class U:
    @Method
    def double(self, x): return x * 2
print(U().double(21), isinstance(U.double, Method))
import functools
class Cached:
    @functools.cached_property
    def value(self):
        print("computing")
        return 42
k = Cached()
print(k.value, k.value, k.__dict__)
