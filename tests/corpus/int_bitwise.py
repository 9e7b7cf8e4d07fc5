# Bitwise operations on negative numbers and bit tricks.
for a, b in ((12, 10), (-12, 10), (12, -10), (-12, -10)):
    print(a, b, a & b, a | b, a ^ b, ~a)
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(n) for n in range(17)], [n.bit_count() for n in range(17)])
print([bin(x) for x in (0, 1, -1, 5, -5)], [x.bit_length() for x in (0, 1, -1, 255, -256)])
mask = (1 << 8) - 1
print(hex(0xDEADBEEF & mask), hex(0xDEADBEEF >> 16), hex((0xDEADBEEF << 4) & 0xFFFFFFFF))
print(-1 & 0xFF, (-1) >> 63, (1 << 100) - 1 & -(1 << 50) == ((1 << 100) - 1) ^ ((1 << 50) - 1))
