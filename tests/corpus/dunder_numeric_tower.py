# Mixed numeric types: int/float/complex/Fraction/Decimal interplay and __r*__ dispatch.
from fractions import Fraction
from decimal import Decimal
print(1 + 2.0, 1 + 2j, Fraction(1, 2) + 1, Fraction(1, 2) + 0.5, 2 * Fraction(3, 4), Decimal("1.1") + 1)
try:
    Decimal("1.1") + 1.0
except TypeError as e:
    print("TypeError:", e)
try:
    Fraction(1, 2) + Decimal("1")
except TypeError as e:
    print("TypeError:", e)
print(type(True + 1).__name__, type(1 / 1).__name__, type(2 ** -1).__name__, type(Fraction(1) ** 2).__name__)
import numbers
print([isinstance(x, numbers.Number) for x in (1, 1.0, 1j, Fraction(1), Decimal(1), "1")])
print(isinstance(1, numbers.Integral), isinstance(1.0, numbers.Real), isinstance(Fraction(1, 2), numbers.Rational), isinstance(1j, numbers.Real))
class Money(numbers.Number):
    def __init__(self, c): self.c = c
    def __add__(self, o): return Money(self.c + (o.c if isinstance(o, Money) else o))
    __radd__ = __add__
    def __repr__(self): return "Money(%r)" % self.c
print(sum([Money(1), Money(2)], Money(0)), 5 + Money(1), Money(1) + 2.5)
