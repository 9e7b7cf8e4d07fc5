# int operations: floor division and modulo signs, shifts, true division, bool as int.
for a in (7, -7):
    for b in (2, -2):
        print(a, b, a // b, a % b, divmod(a, b), a / b)
print(1 << 0, 1 << 62, 1 << 64, -1 >> 100, 5 >> 1, -5 >> 1)
for bad in (lambda: 1 << -1, lambda: 1 >> -1, lambda: 1 // 0, lambda: 0 ** -1, lambda: pow(2, -1, 4), lambda: 1 << 10**20):
    try:
        bad()
    except (ValueError, ZeroDivisionError, OverflowError, MemoryError) as e:
        print(type(e).__name__ + ":", e)
print(2 ** 0.5, 4 ** 0.5, (-8) ** (1 / 3), 10 ** -2, 0 ** 0, (-2) ** 3, (-2) ** -2)
print(int(3.99), int(-3.99), int(True), int("0b101", 0), int("0o17", 0), int("0x1f", 0), int("017", 8))
try:
    int("017", 0)
except ValueError as e:
    print("ValueError:", e)
print((5).real, (5).imag, (5).numerator, (5).denominator, (5).conjugate(), int.__name__)
print((255).to_bytes(2, "big"), int.from_bytes(b"\xff\xfe", "little", signed=True))
print(abs(-5), -abs(5), +5, 5 .__neg__(), isinstance(True, int), True + 1, True // 2)
print((12).as_integer_ratio(), (-3).__abs__(), (17).__divmod__(5), (17).__rsub__(20))
