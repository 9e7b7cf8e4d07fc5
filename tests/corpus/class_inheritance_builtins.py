# Subclassing builtins: list, dict, str, int, Exception; overridden methods not used by C code.
class MyList(list):
    def append(self, x):
        super().append(x * 10)
ml = MyList([1])
ml.append(2)
ml.extend([3])
print(ml, type(ml).__name__, type(ml + [4]).__name__, type(ml[:1]).__name__, isinstance(ml, list))
class MyDict(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) * 2
md = MyDict(a=1)
print(md["a"], md.get("a"), dict(md), list(md.values()))
class Shout(str):
    def __str__(self): return self.upper()
s = Shout("hi")
print(s, str(s), repr(s), s + "!", f"{s}", "%s" % s, len(s))
class Meters(int):
    def __repr__(self): return "%dm" % self
    def __add__(self, o): return Meters(int(self) + o)
print(Meters(3) + 4, repr(Meters(3) + 4), Meters(3) * 2, type(Meters(3) * 2).__name__)
class Err(Exception):
    pass
print(Err("a") .args, repr(Err("a", 1)), issubclass(Err, BaseException))
class Fset(frozenset):
    pass
print(Fset([1, 2]) | {3}, type(Fset([1]) | {3}).__name__)
