# int <-> str conversions: bases, whitespace, underscores, signs, errors, limits.
for s, base in (("ff", 16), ("FF", 16), ("-101", 2), ("  +7 ", 10), ("z", 36), ("1_000_000", 10),
                ("0x_1f", 16), ("0b11", 0), ("10", 3), ("777", 8)):
    print(repr(s), base, int(s, base))
for s, base in (("12a", 10), ("", 10), ("1__0", 10), ("_1", 10), ("2", 2), ("1", 37), ("0x", 16), ("- 1", 10)):
    try:
        int(s, base)
    except ValueError as e:
        print("ValueError:", e)
print(format(255, "x"), format(-255, "#b"), format(255, "o"), str(-0), repr(10**25))
import sys
print(sys.int_info.bits_per_digit in (15, 30), sys.get_int_max_str_digits())
try:
    str(10 ** 5000)
except ValueError as e:
    print("ValueError:", str(e)[:60])
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", str(e)[:60])
print(len(str(10 ** 4000)))
