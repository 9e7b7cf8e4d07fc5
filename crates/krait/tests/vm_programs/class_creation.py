# Class creation: __prepare__, __mro_entries__, metaclass selection, class
# keywords, __init_subclass__, __set_name__, __classcell__, type() 3-arg,
# type methods, isinstance/issubclass hooks, abstract classes, super attributes.


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)


class Recorder(dict):
    def __setitem__(self, k, v):
        if not k.startswith("__"):
            print("  store", k)
        super().__setitem__(k, v)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], sorted(kw))
        return Recorder()

    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, type(ns).__name__, sorted(kw))
        return super().__new__(mcls, name, bases, ns, **kw)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class Base(metaclass=Meta):
    def __init_subclass__(cls, flavour="plain", **kw):
        super().__init_subclass__(**kw)
        cls.flavour = flavour
    x = 1
    y = 2


class Child(Base, flavour="sweet"):
    z = 3


print(Child.flavour, type(Child).__name__, Child.__mro__[1].__name__)
show(lambda: type("Bad", (Base,), {}, nonsense=1))

# __mro_entries__ and __orig_bases__
class Entry:
    def __mro_entries__(self, bases):
        return (Base, )


class FromEntry(Entry()):
    pass


print(FromEntry.__bases__, type(FromEntry.__orig_bases__[0]).__name__)
show(lambda: type("X", (Entry(),), {}))


class BadEntry:
    def __mro_entries__(self, bases):
        return [object]


def bad_entry():
    class C(BadEntry()):
        pass
show(bad_entry)

# metaclass conflict, prepare returning a non-mapping
class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass


def conflict():
    class C(A1, A2):
        pass
show(conflict)


class NoMap(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42


def nomap():
    class C(metaclass=NoMap):
        pass
show(nomap)

# a function as metaclass
def fmeta(name, bases, ns, **kw):
    return (name, sorted(k for k in ns if not k.startswith("__")), kw)


class Fn(metaclass=fmeta, k=1):
    a = 1
print(Fn)

# __set_name__ and __init_subclass__ keywords
class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)


class Holder:
    first = Named()
    second = Named()


def bad_kw():
    class C(flag=True):
        pass
show(bad_kw)


class Boom:
    def __set_name__(self, owner, name):
        raise ValueError("boom")


def boom():
    class C:
        b = Boom()
show(boom)

# __classcell__ checks
class Swallow(type):
    def __new__(mcls, name, bases, ns):
        ns.pop("__classcell__", None)
        return super().__new__(mcls, name, bases, ns)


def lost_cell():
    class C(metaclass=Swallow):
        def f(self):
            return __class__
show(lost_cell)
show(lambda: type("X", (), {"__classcell__": 1}))
show(lambda: type("X", (), {"__qualname__": 1}))
show(lambda: type("X", ()))
show(lambda: type.__new__(type, "X", ()))
show(lambda: type.__new__(int, "X", (), {}))

# type() 3-arg and a derived metaclass picked from the bases
D = type("D", (A1,), {"v": 5})
print(type(D).__name__, D.v, D.__module__, D.__qualname__, D.__doc__)

# type attributes and methods
class P: pass
class Q(P): pass
class R(P): pass
print(Q.mro(), [c.__name__ for c in P.__subclasses__()])


class Reverse(type):
    def mro(cls):
        return [cls, object]


print(isinstance(3, int), issubclass(bool, int))


class Anything(type):
    def __instancecheck__(cls, obj):
        return True

    def __subclasscheck__(cls, sub):
        return sub is int


class Any_(metaclass=Anything):
    pass


print(isinstance("s", Any_), issubclass(int, Any_), issubclass(str, Any_))
Q.__name__ = "Renamed"
Q.__qualname__ = "Outer.Renamed"
print(Q, Q.__name__, "__name__" in Q.__dict__)
show(lambda: setattr(Q, "__name__", 5))
show(lambda: setattr(int, "__name__", "x"))

# abstract classes
import abc


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...

    @abc.abstractmethod
    def name(self): ...


class Square(Shape):
    def area(self):
        return 4

    def name(self):
        return "square"


show(Shape)
print(Square().area(), isinstance(Square(), Shape))

# super attributes and a metaclass __call__ through super()
class Counting(type):
    calls = 0

    def __call__(cls, *a, **k):
        Counting.calls += 1
        return super().__call__(*a, **k)


class Counted(metaclass=Counting):
    def __init__(self, v):
        self.v = v


print(Counted(3).v, Counted(4).v, Counting.calls)


class S1:
    def who(self):
        s = super()
        return s.__thisclass__.__name__, type(s.__self__).__name__, s.__self_class__.__name__


class S2(S1):
    pass


print(S2().who())

# dunders assigned after creation reach the protocols
class Late:
    pass


Late.__len__ = lambda self: 7
Late.__repr__ = lambda self: "<late>"
print(len(Late()), repr(Late()))


class StrMix(str):
    pass


StrMix.__str__ = lambda self: "mixed"
print(str(StrMix("x")))
print("__new__" in int.__dict__, int.__new__(int, "12"), property(lambda s: 1, doc="d").__doc__)
