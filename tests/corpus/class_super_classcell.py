# Zero-argument super() and __class__ (the __classcell__ mechanism).
class Base:
    def hello(self):
        return "Base.hello from " + type(self).__name__
    @classmethod
    def make(cls):
        return "Base.make(%s)" % cls.__name__
class Child(Base):
    def hello(self):
        return "Child+" + super().hello()
    @classmethod
    def make(cls):
        return "Child+" + super().make()
    def which(self):
        return __class__.__name__
class Grand(Child):
    def hello(self):
        return "Grand+" + super().hello()
print(Grand().hello())
print(Grand.make(), Child().which(), Grand().which())
class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("classcell in namespace:", "__classcell__" in ns)
        return super().__new__(mcls, name, bases, ns)
class UsesSuper(metaclass=Meta):
    def m(self):
        return super().__repr__ is not None
class NoSuper(metaclass=Meta):
    def m(self):
        return 1
print(UsesSuper().m(), NoSuper().m())
def outside():
    try:
        super()
    except RuntimeError as e:
        print("RuntimeError:", e)
outside()
class Explicit(Base):
    def hello(self):
        return "Explicit+" + super(Explicit, self).hello()
print(Explicit().hello())
print(super(Child, Grand()).hello())
class WithInit:
    def __init__(self, x):
        self.x = x
class Sub(WithInit):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
s = Sub(1, 2)
print(s.x, s.y)
