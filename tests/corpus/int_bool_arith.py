# bool is an int subclass: arithmetic, repr, counting with sum, bitwise ops stay bool.
print(True + True, True * 10, True / 2, True // 2, -True, abs(False), True ** 0)
print(True & False, True | False, True ^ True, type(True & False).__name__, type(True + 0).__name__, ~True)
print(sum([True, False, True]), sum(x > 2 for x in range(6)), [1, 2, 3][True], "ab"[False])
print(repr(True), str(False), int(True), float(True), bool("False"), bool(""), True == 1, (True == 1) is True)
print({True: "a", 1: "b"}, {0, False}, True in [1], isinstance(True, int), bool.__mro__)
try:
    class MyBool(bool): pass
except TypeError as e:
    print("TypeError:", e)
