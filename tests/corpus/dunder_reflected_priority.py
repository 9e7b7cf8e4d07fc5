# Reflected operand priority: subclass __radd__ first; NotImplemented from both sides; comparisons swap.
class A:
    def __add__(self, o):
        print("A.__add__")
        return NotImplemented
    def __radd__(self, o):
        print("A.__radd__")
        return "A.radd"
    def __lt__(self, o):
        print("A.__lt__")
        return NotImplemented
    def __gt__(self, o):
        print("A.__gt__")
        return NotImplemented
class B(A):
    def __radd__(self, o):
        print("B.__radd__")
        return "B.radd"
    def __gt__(self, o):
        print("B.__gt__")
        return "B.gt"
print(A() + B())
print(B() + A())
print(A() < B())
try:
    print(A() < A())
except TypeError as e:
    print("TypeError:", e)
try:
    A() + A()
except TypeError as e:
    print("TypeError:", e)
print(1 + A())
print([1] + A())
