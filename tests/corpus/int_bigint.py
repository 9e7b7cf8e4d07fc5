# Big integers: arithmetic, conversion, bit operations, very large values.
a = 2 ** 200
b = 3 ** 150
print(a)
print(b, a > b)
print(a + b, a - b, a * b % 10**30)
print(a // b, a % b, divmod(-a, b)[0], -a // 7, -a % 7)
print(a.bit_length(), b.bit_length(), (a - 1).bit_count(), (-a).bit_length())
print(a >> 190, a << 10 >> 205, -a >> 199, ~a + a, a & (a - 1), a | 1, a ^ (a + 1))
print(str(10**50 + 1), int("9" * 60) + 1, hex(2**100), oct(2**64), bin(2**70 - 1)[:12])
print(pow(7, 300, 10**20), pow(123456789, 2**20, 1000000007), pow(3, -1, 2**61 - 1))
print(abs(-10**40), -(10**40), (10**40) ** 0, 10**40 == 10.0**40, 10**22 == 1e22, 2**1024 > 1e308)
n = 1
for i in range(1, 51):
    n *= i
print(n, len(str(n)), sum(map(int, str(n))))
print(int.from_bytes(b"\x01" * 20, "big"), (2**100).to_bytes(13, "little").hex(), (-1).to_bytes(4, "big", signed=True))
try:
    float(2 ** 2000)
except OverflowError as e:
    print("OverflowError:", e)
print(2 ** 2000 / 2 ** 1990, 10 ** 400 // 10 ** 398, (10**400 + 7) % 10, round(12345678901234567890, -5))
print(hash(2**100) == hash(2**100), (2**64) .__hash__() == hash(2**64), 2**100 in {2**100})
