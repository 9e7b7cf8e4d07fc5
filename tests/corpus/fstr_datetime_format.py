# format with __format__ from the stdlib: datetime, Decimal, Fraction, complex.
import datetime, decimal, fractions
d = datetime.date(2023, 12, 25)
print(f"{d}", f"{d:%A %d %B %Y}", f"{d:%j}", format(d, ""), str(d), repr(d))
t = datetime.timedelta(days=1, hours=2, minutes=3)
print(t, repr(t), t.total_seconds())
D = decimal.Decimal
print(f"{D('1.2345'):.2f}", f"{D('1234567.891'):,.2f}", D("0.1") + D("0.2"), repr(D("1.10")))
print(f"{fractions.Fraction(3, 4)}", fractions.Fraction(1, 3) + fractions.Fraction(1, 6), repr(fractions.Fraction(6, 4)))
print(f"{1+2j}", f"{(1+2j):.2f}", f"{complex(0, -1)}", format(3j, ">8"))
