# divmod, pow, round, abs, int/float/complex constructors, bin/oct/hex.
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(2**70, 3))
print(pow(2, 10), pow(2, -2), pow(2.5, 2), pow(3, 200, 7), pow(-2, 3, 5), pow(4, 0.5))
print(round(3.14159, 2), round(-1.5), round(0.5), round(2.5), round(12345, -2), round(-12355, -1), type(round(1.5)).__name__, type(round(1.5, 0)).__name__)
print(abs(-3), abs(-3.5), abs(3 + 4j), abs(True), abs(-2**70))
print(bin(10), bin(-10), oct(64), hex(-255), hex(2**64), bin(0))
print(int(), float(), complex(), bool(), int("  12\n"), float("-1_0.5"), int(-0.9), int(b"42"))
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    round("x")
except TypeError as e:
    print("TypeError:", e)
class R:
    def __round__(self, n=None): return "rounded %r" % (n,)
    def __abs__(self): return "abs!"
    def __divmod__(self, o): return ("dm", o)
print(round(R()), round(R(), 3), abs(R()), divmod(R(), 2))
