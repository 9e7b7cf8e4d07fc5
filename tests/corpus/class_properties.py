# property, classmethod, staticmethod and their interplay with inheritance.
class Temp:
    def __init__(self, c): self._c = c
    @property
    def celsius(self):
        "Temperature in C."
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self): return self._c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f): return cls((f - 32) * 5 / 9)
    @staticmethod
    def valid(v): return v >= -273.15
t = Temp(100)
print(t.celsius, t.fahrenheit, Temp.celsius.__doc__)
t.celsius = 0
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"))
print(Temp.from_f(212).celsius, Temp.valid(-300), t.valid(0))
class Sub(Temp):
    @property
    def celsius(self): return "overridden"
print(Sub(5).celsius, type(Temp.__dict__["from_f"]).__name__, type(Temp.__dict__["valid"]).__name__)
print(Sub.from_f(32).__class__.__name__)
p = property(lambda self: 42)
class Q: answer = p
print(Q().answer, isinstance(Q.answer, property))
