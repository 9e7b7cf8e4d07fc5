# Metaclasses: __new__, __init__, __call__, __prepare__, keyword arguments.
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": "yes"}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get("tag", "none")
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a):
        print("call", cls.__name__, a)
        return super().__call__(*a)
class A(metaclass=Meta, tag="t1"):
    def __init__(self, v): self.v = v
    def method(self): return self.v
a = A(5)
print(a.method(), A.tag, A.injected, type(A).__name__)
class B(A):
    pass
print(B.tag, type(B) is Meta)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class Conf(metaclass=Singleton):
    pass
print(Conf() is Conf())
Dyn = type("Dyn", (object,), {"x": 1, "f": lambda self: self.x + 1})
print(Dyn().f(), Dyn.__name__, Dyn.__bases__)
class M1(type): pass
class M2(type): pass
class X(metaclass=M1): pass
class Y(metaclass=M2): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print("TypeError:", e)
