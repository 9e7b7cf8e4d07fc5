o = object()
print(type(o))
class A: pass
print(type(object.__new__(A)).__name__)
try: object(1)
except TypeError as e: print(e)
try: A(1)
except TypeError as e: print(e)
class B:
    def __init__(self, x): self.x = x
print(B(3).x)
class C:
    def __new__(cls, x): return super().__new__(cls)
print(type(C(2)).__name__)
class D:
    def __init__(self, x): super().__init__()
D(1)
class M(type):
    def __new__(m, n, b, ns, **kw): return super().__new__(m, n, b, ns)
    def __init__(c, n, b, ns, **kw): super().__init__(n, b, ns)
class E(metaclass=M, flag=1): pass
print(E)
try: object.__new__(A, 1)
except TypeError as e: print(e)
try: object.__init__(A(), 1)
except TypeError as e: print(e)
print(type(None)() )
