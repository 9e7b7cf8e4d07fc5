# Float arithmetic: division semantics, modulo signs, inf/nan propagation, errors.
for a, b in ((7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1e300, 1e-300)):
    print(a, b, a / b, a // b, a % b, divmod(a, b))
inf, nan = float("inf"), float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * -1, nan == nan, nan != nan, nan is nan, inf == inf)
print(1e308 * 10, -1e308 * 10, 5e-324 / 2, 2.0 ** 1023 * 2)
for bad in (lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0, lambda: 10.0 ** 400, lambda: (-8.0) ** 0.5 + 0,
            lambda: 0.0 ** -1):
    try:
        print(bad())
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print(-0.0 == 0.0, str(-0.0), repr(0.0 * -1), abs(-0.0), (-0.0) ** 0)
print(round(0.5), round(1.5), round(2.675, 2), round(-2.5), round(1e20), round(2.5, 0), round(0.125, 2))
print(int(1e20), int(-1.9), int(2.0 ** 70), float(10 ** 20), 3.0 * 1.1, 0.1 * 3)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(sum([0.1] * 10), __import__("math").fsum([0.1] * 10))
