# float <-> int conversion at boundaries: 2**53, rounding of huge ints, true division of big ints.
big = 2 ** 53
print(float(big), float(big + 1), float(big + 2), int(float(big + 1)), float(big + 1) == big + 1)
print(10 ** 20 / 3, (10 ** 30) / (10 ** 10), 2 ** 1023 / 2 ** 1000, (2 ** 64 + 1) / 2)
try:
    (10 ** 400) / 3
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 // 3 % 1000, 1 / 10 ** 400, float(10 ** 308), int(1e308) == 10 ** 308)
print(round(2 ** 60 + 0.5), int(-0.5), int(0.999999), float(2 ** 63) == 2 ** 63, 9007199254740993 == 9007199254740992.0)
print((0.5).as_integer_ratio(), (1e-3).as_integer_ratio()[1] > 0, int("9" * 30) // int("3" * 30))
