# abc over the native _abc: abstract methods, register, instance and subclass
# checks with their caches, __subclasshook__, collections.abc, cache token.
import abc
import collections.abc as cabc
import gc


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...

    @abc.abstractmethod
    def name(self):
        ...


class Half(Shape):
    def area(self):
        return 1


class Square(Half):
    def name(self):
        return "square"


for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
print(Square().name(), sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__))
print(Square.__abstractmethods__ == frozenset())
token = abc.get_cache_token()
Shape.register(int)
print(abc.get_cache_token() == token + 1)
print(isinstance(3, Shape), issubclass(bool, Shape), isinstance("s", Shape), issubclass(Square, Shape))
print(Shape.register(str) is str, isinstance("s", Shape))
try:
    Shape.register(3)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(3, Shape)
except TypeError as e:
    print("TypeError:", e)


class Sized2(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized2:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented


print(issubclass(list, Sized2), issubclass(int, Sized2), isinstance({}, Sized2))
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping),
      isinstance(iter([]), cabc.Iterator), isinstance(3, cabc.Hashable),
      isinstance((x for x in []), cabc.Generator), issubclass(dict, cabc.MutableMapping),
      issubclass(set, cabc.Set))


class MyMapping(cabc.Mapping):
    def __init__(self, d):
        self.d = d

    def __getitem__(self, k):
        return self.d[k]

    def __len__(self):
        return len(self.d)

    def __iter__(self):
        return iter(self.d)


m = MyMapping({"a": 1, "b": 2})
print(isinstance(m, cabc.Mapping), sorted(m.keys()), m.get("c", 0), "a" in m, dict(m.items()))


class Temp:
    pass


Shape.register(Temp)
print(issubclass(Temp, Shape))
registry, cache, negative, version = Shape._abc_impl and abc._get_dump(Shape)
print(len(registry), all(r() is not None for r in registry), isinstance(version, int))
Shape._abc_caches_clear()
print(len(abc._get_dump(Shape)[1]), issubclass(Temp, Shape))
Shape._abc_registry_clear()
print(len(abc._get_dump(Shape)[0]))
