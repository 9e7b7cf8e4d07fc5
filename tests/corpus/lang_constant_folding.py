# Expressions the compiler may fold at compile time must still give the right values and types.
print(2 ** 100, 2 ** -1, -0.0, -(0.0), -(-0), 1 - 1.0, "ab" * 3, b"x" * 2, (1, 2) + (3,), (1,) * 3)
x = None
print(not 1 == 2, not 1 in (1, 2), not (x is None), ~~5, --5.5, +(-3), 3 // 2 * 2.0, 7 % -3)
print(1 << 62, 1 << 63, 2 ** 64 - 1, 10 ** 21, 1e309, -1e309, 0.1 + 0.2, 1 / 3)
print("a" "b" "c" * 2, ("x" * 4097)[:3], len("y" * 5000), len(b"z" * 5000), (1, 2) * 0, [1] * 2)
print(type((1, 2, 3)).__name__, type(frozenset({1})).__name__, 1 in {1, 2, 3}, "a" in ("a", "b"), 3 in [1, 2, 3])
if 0:
    print("dead code never printed")
while 0:
    print("never")
if not __debug__:
    print("optimized")
x = 1 if True else 2
print(x, 10 if 0 else 20, (lambda: 1)() if 1 else 0, 1 and 2 or 3, 0 and 1 / 0, 1 or 1 / 0)
print(divmod(7, 2), pow(2, 10), abs(-5), "%s-%d" % ("a", 5), "{}".format(3), f"{2 + 2}")
print((2 ** 10) ** 2, 2 ** 2 ** 3, -(2 ** 0.5), 1e300 * 1e-300)
t = (1, (2, (3, (4, (5,)))))
print(t, t[1][1][1][1][0], hash(t) == hash((1, (2, (3, (4, (5,)))))))
