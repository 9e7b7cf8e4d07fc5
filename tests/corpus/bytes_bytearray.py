# bytearray: mutation, slicing, extend, methods, memoryview sharing.
ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b" ok")
ba += b"!"
print(ba, len(ba), ba[0], bytes(ba))
ba[1:5] = b"EY"
print(ba)
del ba[0]
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 0x41)
ba.remove(ord("Y"))
print(ba, ba.find(b"o"), ba.upper(), ba.reverse(), ba)
try:
    ba[0] = 300
except ValueError as e:
    print("ValueError:", e)
mv = memoryview(ba)
mv[0] = ord("Z")
print(ba, mv.tobytes(), mv[1:3].tobytes(), mv.nbytes, mv.readonly)
try:
    ba.append(1)
except BufferError as e:
    print("BufferError:", e)
mv.release()
ba.append(1)
print(ba, bytearray(3), bytearray(b"x") * 3, bytearray.fromhex("41 42"))
m2 = memoryview(b"\x01\x02\x03\x04").cast("H")
print(m2.tolist(), m2.format, m2.itemsize, len(m2))
