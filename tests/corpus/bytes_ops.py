# bytes: literals, indexing gives ints, methods, hex, concatenation, comparison.
b = b"Hello, World"
print(b[0], b[-1], b[:5], b[::-1], list(b[:3]), len(b), b + b"!", b * 2, b"l" in b, 108 in b)
print(b.upper(), b.lower(), b.split(b", "), b.replace(b"l", b"L"), b.find(b"o"), b.count(b"l"), b.startswith(b"He"))
print(b.hex(), b.hex(":"), bytes.fromhex("de ad be ef"), b"\x00\xff".hex(), b.decode(), b.decode("latin-1"))
print(bytes(5), bytes([65, 66]), bytes(range(3)), bytes("é", "utf-8"), bytes(b"x"), bytes(memoryview(b"mv")))
for bad in (lambda: bytes([256]), lambda: bytes("str"), lambda: b"a" + "b", lambda: b"abc"[10], lambda: bytes(-1)):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
print(b"abc" < b"abd", b"" == bytes(), b"a" == "a", repr(b"\n\t\\'\""), repr(b'"'), b"%d-%s" % (5, b"x"))
print(b"  pad ".strip(), b"a,b".partition(b","), b"x".join([b"1", b"2"]), b"abc".center(7, b"*"), b"A1".isalnum())
print(b"abc".translate(bytes.maketrans(b"abc", b"xyz")), b"12".zfill(4), b"ab".title(), b"tab\tx".expandtabs(4))
