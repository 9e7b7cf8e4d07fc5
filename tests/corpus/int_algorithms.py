# Integer algorithms: digit sums, base conversion, integer sqrt, fast exponentiation, Fibonacci by doubling.
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(digits[r])
    return sign + "".join(reversed(out))
print([to_base(255, b) for b in (2, 8, 16, 36)], to_base(-10, 3), all(int(to_base(n, 7), 7) == n for n in range(-50, 50)))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x, y = y, (y + n // y) // 2
    return x
import math
print(all(isqrt(n) == math.isqrt(n) for n in range(2000)), isqrt(10**40), isqrt(2 * 10**30))
def fib_pair(n):
    if n == 0:
        return (0, 1)
    a, b = fib_pair(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n % 2 else (c, d)
print(fib_pair(300)[0], len(str(fib_pair(5000)[0])))
print(sum(int(d) for d in str(2 ** 1000)), math.factorial(25) // math.factorial(23), (10 ** 30 + 7) % 97)
