# Float repr (shortest round-trip), str, and edge values.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789.123456789, 1e-4, 1e-5, 5e-324,
        1.7976931348623157e308, 2.0 ** 63, 100.0, -0.0, 0.5, 1.25e-10, 3.0e22, 9007199254740993.0]
for v in vals:
    print(repr(v), str(v), v.hex())
print(float("1e500"), float("-1e500"), float("nan"), float("-nan"), float("  -inf "), float("Infinity"))
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-1074"), (0.1).as_integer_ratio(), (2.5).as_integer_ratio())
print(1.0.is_integer(), 1.5.is_integer(), float("inf").is_integer() if hasattr(float, "is_integer") else None)
import sys
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
