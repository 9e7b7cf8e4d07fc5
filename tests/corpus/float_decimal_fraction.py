# decimal and fractions for exact arithmetic.
from decimal import Decimal, getcontext, ROUND_HALF_UP, ROUND_HALF_EVEN, InvalidOperation
from fractions import Fraction
print(Decimal("0.1") + Decimal("0.2"), Decimal(0.1), Decimal("1.30") * 2, Decimal(10) / Decimal(3))
print(Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), Decimal("2.665").quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN))
getcontext().prec = 50
print(Decimal(2).sqrt(), Decimal(1) / Decimal(7))
try:
    Decimal("abc")
except InvalidOperation as e:
    print("InvalidOperation", type(e).__name__)
f = Fraction(3, 4) + Fraction(5, 6)
print(f, f.numerator, f.denominator, float(f), Fraction("0.125"), Fraction(0.1), Fraction(0.1).limit_denominator(100))
print(Fraction(1, 3) ** 2, Fraction(-7, 2) // 1, round(Fraction(5, 2)), Fraction(1, 2) < 0.6)
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
