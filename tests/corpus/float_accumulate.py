# Float accumulation and comparison: Kahan summation, isclose, exact ratios, repr of results.
import math
vals = [0.1] * 10 + [1e16, 1.0, -1e16]
naive = 0.0
for v in vals:
    naive += v
def kahan(xs):
    s = c = 0.0
    for x in xs:
        y = x - c
        t = s + y
        c = (t - s) - y
        s = t
    return s
print(naive, kahan(vals), math.fsum(vals), sum(vals))
print(math.isclose(0.1 * 3, 0.3), 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-15, (0.1 * 3).hex(), (0.3).hex())
xs = [i / 7 for i in range(8)]
print(xs)
print([round(x, 3) for x in xs], [f"{x:.3f}" for x in xs], sum(xs), max(xs) - min(xs))
print(2.0 ** 0.5 * 2.0 ** 0.5, math.sqrt(2) ** 2 == 2, 1e-300 * 1e-300, 1e300 * 1e10, -1e-320 / 1e10)
