# Integer equality vs identity-free semantics, comparisons with floats, and mixed types.
print(1 == 1.0, 1 == 1 + 0j, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53))
print(10 ** 20 < float("inf"), -10 ** 400 < float("-inf"), 1 < float("nan"), 1 == float("nan"))
print(max(1, 1.0), max(1.0, 1), min(True, 1), sorted([3, 1.5, True, 2]), sum([1, 2.5, True]))
print(0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3, 1 / 3 * 3 == 1)
import fractions
print(fractions.Fraction(1, 3) == 1 / 3, fractions.Fraction(1, 2) == 0.5, 3 == fractions.Fraction(6, 2))
print(hash(fractions.Fraction(1, 2)) == hash(0.5), hash(3) == hash(fractions.Fraction(3)))
