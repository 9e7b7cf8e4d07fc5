# format() mini-language for int, float, str and their errors.
cases = [
    (1234567, ","), (1234567, "_x"), (-42, "=+8"), (42, "c"), (255, "08b"),
    (3.5, "n"), (0.000012345, ".3g"), (123456789.0, ".3g"), (2.0, "g"), (1e100, ".2e"),
    (float("inf"), "f"), (float("nan"), "+.2f"), (-0.0, "f"), (0.5, ".0f"), (1.5, ".0f"), (2.5, ".0f"),
    (1/3, ".20f"), (100.0, "%"), ("text", "^11"), ("text", "-<8"), ("longtext", ".4"),
    (12.345, "+010.2f"), (True, "d"), (True, ""), (10**20, ","), (7, "#06x"),
]
for value, spec in cases:
    print(repr(value), repr(spec), "->", repr(format(value, spec)))
for value, spec in ((1.5, "d"), ("s", "d"), (1, "s"), (1, ".2s"), (3, "z")):
    try:
        format(value, spec)
    except ValueError as e:
        print("ValueError:", e)
print("{:>6}|{:<6}|{:^6}".format(1, 2, 3), "{0}{1}{0}".format("a", "b"), "{x[1]}{y.real}".format(x=[0, 9], y=2))
print("%s %r %d %5.2f %-4s| %x %o %e %%" % ("s", "r", 7, 3.14159, "ab", 255, 8, 12345.678))
print("%(a)s-%(b)03d" % {"a": "A", "b": 7}, "%c%c" % (72, "i"), "%*d" % (5, 42), "%.*f" % (2, 1.23456))
