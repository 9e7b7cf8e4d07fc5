# Function objects: attributes, __dict__, __qualname__, __module__, __code__.
def outer():
    def inner(a, b=2):
        "inner doc"
        return a
    return inner
f = outer()
print(f.__name__, f.__qualname__, f.__module__, f.__doc__, f.__defaults__)
f.custom = 42
print(f.custom, f.__dict__)
f.__name__ = "renamed"
print(f.__name__, f.__qualname__)
print(type(f).__name__, callable(f), f.__code__.co_name, f.__code__.co_varnames)
print(f.__globals__ is globals(), f.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else True)
class K:
    def m(self): pass
    @staticmethod
    def s(): pass
    class Inner:
        def deep(self): pass
print(K.m.__qualname__, K.s.__qualname__, K.Inner.deep.__qualname__)
bound = K().m
print(type(bound).__name__, bound.__func__ is K.m, bound.__self__.__class__.__name__)
def annotated(x: int, y: "str" = "s") -> list:
    pass
print(annotated.__annotations__)
try:
    f.__code__ = 5
except TypeError as e:
    print("TypeError:", e)
def g(): return 1
def h(): return 2
g.__code__ = h.__code__
print(g(), g.__name__)
