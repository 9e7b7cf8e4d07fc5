# __getattr__, __getattribute__, __setattr__, __delattr__, __dir__.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])
    def __getattr__(self, name):
        self._log.append("getattr " + name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self._log.append("setattr " + name)
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self._log.append("delattr " + name)
        delattr(self._target, name)
class T: pass
t = T()
p = Proxy(t)
p.x = 1
print(p.x, t.x)
del p.x
print(hasattr(t, "x"), p._log)
class Loud:
    a = 1
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError("no secrets: " + name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
l = Loud()
print(l.a, l.secret_key, l.other)
class Dynamic:
    def __dir__(self): return ["z", "a", "m"]
print(dir(Dynamic()))
class Strict:
    __slots__ = ()
    def __getattr__(self, name):
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
try:
    Strict().nope
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(Strict(), "nope", "dflt"))
