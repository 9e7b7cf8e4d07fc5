# Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2, 2 ** -1)
print(10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 2 * 3 % 4, 7 // 2 * 2, -7 // 2, not True == False)
print(1 + 2 << 3, 1 << 2 + 3, 6 & 3 | 8, 6 ^ 3 & 1, ~0 + 1, 5 & ~1, 1 | 2 ^ 3 & 4)
print(1 < 2 == True, (1 < 2) == True, not 1 + 1, 0 or 1 and 2, (0 or 1) and 2, None or 0 or [] or "last")
print(3 if 0 else 4 if 1 else 5, [1, 2][True], "abc"[-1:] * 2, -(-3) ** 2, --3, +-+3)
print(2 * 3 ** 2, (2 * 3) ** 2, 1 in [1] == True, [1] + [2] * 2, "a" + "b" * 3)
x = 5
print(x if x > 3 else -x, (lambda: 1 if False else 2)(), (lambda: (1 if False else 2))())
print(not 0 in [0], (not 0) in [0], x is not None and 2, 2 ** 2 ** -1)
