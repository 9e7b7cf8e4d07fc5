# bytes.translate / bytearray.translate (re._compiler builds charset bitmaps with it).
table = bytes(range(256))[::-1]
print(b'abc'.translate(table), bytearray(b'abc').translate(table))
print(b'hello'.translate(None, b'l'), b'hello'.translate(table, delete=b'eo'))
print(type(bytearray(b'x').translate(None)).__name__, b'\x00\x01'.translate(b'0' + b'1' * 255))
for args in [(b'short',), (5,), (None, 5), ()]:
    try:
        print(b'abc'.translate(*args))
    except Exception as e:
        print(type(e).__name__, e)
