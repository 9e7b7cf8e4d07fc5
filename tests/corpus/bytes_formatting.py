# bytes %-formatting, hex/fromhex, repr of all byte values, bytes methods with int args.
print(b"%s|%d|%x|%c|%r|%5b|%-4s|" % (b"s", 42, 255, 65, "r", b"b", b"l"))
print(bytes(range(0, 256, 17)), repr(bytes([0, 7, 9, 10, 13, 39, 92, 127, 128, 255])))
print(b"abc".count(98), b"abc".find(99), b"abc".index(b"b"), 97 in b"abc", b"a b\tc".split(), b"a,b".split(b","))
print(b"Hello".swapcase(), b"hello world".title(), b"  x  ".lstrip(), b"abc".startswith((b"x", b"a")), b"x".isalpha())
print(bytes.fromhex("00ff10"), b"\x00\xff\x10".hex("-", 1), b"abcdef".hex(":", 2), bytearray(b"ab").hex())
try:
    b"%s" % "text"
except TypeError as e:
    print("TypeError:", e)
try:
    bytes.fromhex("zz")
except ValueError as e:
    print("ValueError:", e)
print(b"abc" * 2, b"-".join([b"a", bytearray(b"b"), memoryview(b"c")]), list(b"\x01\x02"), b"a" < b"b" < b"ba")
