# __class__ cell in nested functions and comprehensions inside methods; super() in nested contexts.
class Base:
    def greet(self): return "base"
class Child(Base):
    def method(self):
        def inner():
            return __class__.__name__
        return inner()
    def comp(self):
        return [__class__.__name__ for _ in range(2)]
    def lam(self):
        return (lambda: __class__)().__name__
    def sup_in_comp(self):
        return [super(__class__, self).greet() for _ in range(1)]
    def greet(self):
        return "child+" + super().greet()
    def sup_lambda(self):
        return (lambda s=self: super(Child, s).greet())()
c = Child()
print(c.method(), c.comp(), c.lam(), c.sup_in_comp(), c.greet(), c.sup_lambda())
class Outer:
    class Inner:
        def who(self): return __class__.__qualname__
    def who(self): return __class__.__qualname__
print(Outer().who(), Outer.Inner().who())
def broken_super():
    class X(Base):
        def m(self):
            def inner():
                return super().greet()
            return inner()
    try:
        X().m()
    except RuntimeError as e:
        print("RuntimeError:", e)
broken_super()
