# Alternate constructors, registries via classmethods, staticmethod utilities, class counters.
class Shape:
    registry = {}
    count = 0
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Shape.registry[cls.__name__.lower()] = cls
    def __init__(self):
        type(self).count += 1
    @classmethod
    def create(cls, kind, *args):
        return cls.registry[kind](*args)
    @staticmethod
    def area_sum(shapes):
        return sum(s.area() for s in shapes)
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__()
        self.w, self.h = w, h
    @classmethod
    def square(cls, s): return cls(s, s)
    def area(self): return self.w * self.h
class Circle(Shape):
    def __init__(self, r):
        super().__init__()
        self.r = r
    def area(self): return round(3.14159 * self.r ** 2, 2)
shapes = [Shape.create("rect", 2, 3), Rect.square(4), Shape.create("circle", 1)]
print([type(s).__name__ for s in shapes], Shape.area_sum(shapes), Rect.count, Circle.count, Shape.count)
print(sorted(Shape.registry), Rect.square.__self__ is Rect, Shape.area_sum.__name__)
