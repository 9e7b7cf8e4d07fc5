# Lazy attributes via __getattr__, attribute caching in __dict__, __getattribute__ counting.
class Lazy:
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        print("computing", name)
        value = name.upper() * 2
        setattr(self, name, value)
        return value
z = Lazy()
print(z.foo, z.foo, z.bar, sorted(vars(z)))
print(hasattr(z, "_hidden"), getattr(z, "_hidden", "default"))
class Counting:
    def __init__(self):
        self.hits = 0
        self.value = 1
    def __getattribute__(self, name):
        if name != "hits":
            object.__setattr__(self, "hits", object.__getattribute__(self, "hits") + 1)
        return object.__getattribute__(self, name)
c = Counting()
c.value; c.value; c.__class__
print(c.hits)
class Record:
    def __init__(self, **fields):
        self.__dict__.update(fields)
    def __repr__(self):
        return "Record(%s)" % ", ".join("%s=%r" % kv for kv in sorted(self.__dict__.items()))
r = Record(b=2, a=1)
r.c = 3
print(r, r.a, getattr(r, "b"))
