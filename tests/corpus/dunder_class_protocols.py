# Protocols on the class itself via metaclass: __len__, __iter__, __getitem__, __contains__, __call__ on classes.
class Registry(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls._members = [k for k in ns if k.isupper()]
        return cls
    def __len__(cls): return len(cls._members)
    def __iter__(cls): return iter(cls._members)
    def __getitem__(cls, k): return getattr(cls, k)
    def __contains__(cls, k): return k in cls._members
    def __repr__(cls): return "<Registry %s>" % cls.__name__
class Colors(metaclass=Registry):
    RED = "#f00"
    GREEN = "#0f0"
    helper = "not a member"
print(len(Colors), list(Colors), Colors["RED"], "GREEN" in Colors, "helper" in Colors, repr(Colors), [Colors])
class Meta2(type):
    def __instancecheck__(cls, obj): return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub): return hasattr(sub, "quack")
class Duck(metaclass=Meta2): pass
class Mallard:
    quack = True
print(isinstance(Mallard(), Duck), isinstance(1, Duck), issubclass(Mallard, Duck))
