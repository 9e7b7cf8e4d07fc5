# Descriptor protocol details: __get__ with None instance, __set__ without __get__, __delete__, __set_name__ order.
class Typed:
    def __init__(self, kind): self.kind = kind
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, objtype):
        if obj is None:
            return "descriptor on class %s" % objtype.__name__
        return obj.__dict__.get(self.name, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s, got %s" % (self.name, self.kind.__name__, type(value).__name__))
        obj.__dict__[self.name] = value
    def __delete__(self, obj):
        print("delete", self.name)
        obj.__dict__.pop(self.name, None)
class Person:
    name = Typed(str)
    age = Typed(int)
p = Person()
print(Person.name, p.age)
p.name, p.age = "ann", 30
print(p.name, p.age)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
del p.age
print(p.age)
class SetOnly:
    def __set__(self, obj, v): obj.__dict__["so"] = v * 2
class H:
    so = SetOnly()
h = H()
h.so = 4
print(h.so, type(H.so).__name__)
