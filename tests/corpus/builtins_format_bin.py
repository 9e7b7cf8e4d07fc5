# format() and bin/oct/hex with __index__, alignment and grouping.
for n in (0, 7, 255, -255, 2**40):
    print(format(n, "b"), format(n, "o"), format(n, "x"), format(n, "#X"), format(n, "_b")[-9:], format(n, ",d"))
print(format("s", "*>5"), format(3.0, "<6"), format(True, "^6"), format(None, ""), format([1], ""))
try:
    format(None, "d")
except TypeError as e:
    print("TypeError:", e)
