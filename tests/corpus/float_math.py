# The math module on floats: rounding, special functions, classification.
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2), type(math.floor(2.5)).__name__)
print(math.sqrt(2), math.isqrt(10**20 + 5), math.exp(1), math.log(100, 10), math.log2(1024), math.log10(0.001))
print(math.sin(math.pi / 6), math.cos(0), math.atan2(1, -1), math.degrees(math.pi), math.radians(180))
print(math.hypot(3, 4), math.dist((0, 0), (3, 4)), math.fabs(-3), math.copysign(1, -0.0), math.fmod(-7, 3))
print(math.gcd(12, 18, 30), math.lcm(4, 6), math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.isnan(float("nan")), math.isinf(-math.inf), math.isfinite(1e308), math.isclose(0.1 + 0.2, 0.3))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.modf(-3.25), math.nextafter(1.0, 2.0) - 1.0, math.ulp(1.0))
for bad in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.exp(1000)):
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print(math.pi, math.e, math.tau, math.inf, math.nan)
