import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.exp(1), math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(1000), math.log1p(1e-10))
print(math.log(10**400) , math.log2(2**2000), math.log10(10**500))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1), math.atan2(1, -1))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-3.7), math.floor(7), math.ceil(10**30))
class F:
    def __floor__(self): return 'floor!'
    def __ceil__(self): return 'ceil!'
    def __trunc__(self): return 'trunc!'
print(math.floor(F()), math.ceil(F()), math.trunc(F()))
print(math.factorial(0), math.factorial(20), math.factorial(30))
print(math.comb(10, 3), math.comb(100, 50), math.comb(3, 5), math.perm(5, 2), math.perm(4), math.perm(3, 5))
print(math.gcd(12, 18), math.gcd(), math.gcd(0, 0), math.gcd(-4, 6, 10), math.gcd(2**100, 6**50))
print(math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6, 10), math.lcm(2**70, 3))
print(math.isqrt(0), math.isqrt(99), math.isqrt(10**40), math.isqrt(2**127))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 3], start=10), math.prod([1.5, 2]))
print(math.dist([0, 0], [3, 4]), math.dist((1, 2, 3), (4, 6, 3)), math.hypot(3, 4), math.hypot(1, 2, 2), math.hypot())
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.frexp(8.0), math.frexp(0.0), math.ldexp(0.5, 4), math.modf(3.25), math.modf(-3.25), math.fmod(7, 3), math.fmod(-7, 3))
print(math.copysign(1, -0.0), math.fabs(-3), math.degrees(math.pi), math.radians(180), math.remainder(5, 2), math.remainder(7, 2), math.remainder(-5, 3))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.pow(2, 10), math.pow(2, 0.5), math.exp2(10), math.cbrt(8))
print(math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.ulp(1.0), math.ulp(0.0), math.expm1(1e-10))
print(round(math.erf(0.5), 12), round(math.erfc(2.0), 12), round(math.erf(-3), 12), math.gamma(5), round(math.gamma(0.5), 12), round(math.lgamma(10), 10), round(math.gamma(-1.5), 12))
for f in [lambda: math.factorial(5.0), lambda: math.factorial(-1), lambda: math.sqrt(-1), lambda: math.exp(1000), lambda: math.log(0),
          lambda: math.comb(-1, 2), lambda: math.comb(3, -1), lambda: math.perm(-1), lambda: math.isqrt(-1), lambda: math.sqrt('a'),
          lambda: math.floor(float('inf')), lambda: math.floor(float('nan')), lambda: math.gcd(1.5), lambda: math.trunc('a'),
          lambda: math.pow(0, -1), lambda: math.dist([1], [1, 2]), lambda: math.isclose(1, 1, rel_tol=-1), lambda: math.ldexp(1.0, 10000),
          lambda: math.fsum([float('inf'), float('-inf')]), lambda: math.log(10, 1), lambda: math.fmod(1, 0), lambda: math.gamma(0),
          lambda: math.lgamma(-1), lambda: math.log(-1), lambda: math.factorial(10**30), lambda: math.comb(10, 'a'), lambda: math.acos(2), lambda: math.cosh(1000)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
# hypot/dist: CPython 3.11's accurate vector norm, bit for bit.
x = 0.1
for i in range(200):
    x = (x * 7.3 + 0.37) % 13.1
    y = (x * 3.1 + 1.7) % 5.3
    z = (x * y) % 2.2
    print(math.hypot(x, y), math.hypot(x, y, z), math.dist((x, 1e-3), (y, z)))
for v in [0.1, 0.5, 0.9, 1.3, 2.5, 3.7, 7.1, 10.5, 25.3, -0.3, -1.7, -2.5, 1e-5, 170.5, 1e-25, -250.5]:
    print(v, math.gamma(v), math.lgamma(v))
print(math.lgamma(100.2), math.lgamma(1e300), math.gamma(-0.0) if False else math.gamma(1e-300))
