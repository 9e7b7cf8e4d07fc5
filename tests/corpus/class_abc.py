# Abstract base classes and virtual subclasses.
from abc import ABC, abstractmethod
import collections.abc as cabc
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    def describe(self): return "%s with area %s" % (type(self).__name__, self.area())
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
print(Sq(3).describe())
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
class Half(Shape): pass
try:
    Half()
except TypeError as e:
    print("TypeError:", e)
class Duck:
    def __len__(self): return 0
    def __iter__(self): return iter(())
    def __contains__(self, x): return False
print(isinstance(Duck(), cabc.Sized), isinstance(Duck(), cabc.Collection), isinstance(Duck(), cabc.Sequence))
@Shape.register
class Virtual: pass
print(issubclass(Virtual, Shape), isinstance(Virtual(), Shape))
print(isinstance([], cabc.MutableSequence), isinstance({}, cabc.Mapping), isinstance((), cabc.Hashable))
print(sorted(Shape.__abstractmethods__))
