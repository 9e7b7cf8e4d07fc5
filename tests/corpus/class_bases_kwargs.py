# Class statements with computed bases, *bases, **kwargs, metaclass keyword and __mro_entries__.
class M(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("M.__new__", name, [b.__name__ for b in bases], kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class A: pass
class B: pass
bases = (A, B)
opts = {"flag": True, "level": 2}
class C(*bases, metaclass=M, **opts):
    pass
print(C.__mro__[1:3], type(C).__name__)
def pick(n):
    return [A, B][n]
class D(pick(1)):
    pass
print(D.__bases__)
class Fake:
    def __mro_entries__(self, bases):
        print("__mro_entries__ called with", len(bases), "bases")
        return (A,)
class E(Fake()):
    pass
print(E.__bases__, E.__orig_bases__[0].__class__.__name__)
from typing import Generic, TypeVar
T = TypeVar("T")
class G(Generic[T], A):
    pass
print([k.__name__ for k in G.__mro__])
