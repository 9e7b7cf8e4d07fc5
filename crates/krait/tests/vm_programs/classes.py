class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __str__(self):
        return "Animal(" + self.name + ")"

class Dog(Animal):
    kind = "dog"
    def speak(self):
        return super().speak() + " (woof)"

d = Dog("rex")
print(d.speak(), d.kind, Animal.kind, str(d), isinstance(d, Animal), issubclass(Dog, Animal))
print(type(d).__name__, Dog.__mro__ if hasattr(Dog, "__mro__") else None)

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y

v = Vec(1, 2) + Vec(3, 4)
print(v, v == Vec(4, 6), v != Vec(4, 6), len(v), v[1], list(v))

class P:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, val):
        self._x = val * 2
    @staticmethod
    def s(a):
        return a + 1
    @classmethod
    def c(cls):
        return cls.__name__

p = P()
p.x = 5
print(p.x, P.s(1), p.s(2), P.c(), p.c())

class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)

class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, type(Tagged).__name__)

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
for _ in range(3):
    Counter()
print(Counter.count)
try:
    Counter(1)
except TypeError as e:
    print(e)
try:
    d.missing
except AttributeError as e:
    print(e)
