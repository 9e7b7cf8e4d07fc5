# int.to_bytes / int.from_bytes.
def show(f):
    try:
        r = f()
    except Exception as e:
        r = e
    print(repr(r))
for f in [lambda: (1024).to_bytes(2, 'big'), lambda: (1024).to_bytes(2, 'little'), lambda: (-1).to_bytes(2, 'big', signed=True), lambda: (256).to_bytes(1, 'big'), lambda: (-1).to_bytes(1, 'big'), lambda: (5).to_bytes(), lambda: (5).to_bytes(1, 'middle'), lambda: int.from_bytes(b'\x01\x00', 'big'), lambda: int.from_bytes(b'\xff\xff', 'little', signed=True), lambda: int.from_bytes([1,2]), lambda: int.from_bytes(b''), lambda: (5).to_bytes(-1, 'big'), lambda: int.from_bytes('x', 'big'), lambda: (128).to_bytes(1, signed=True), lambda: (0).to_bytes(0, 'big'), lambda: int.from_bytes(b'\x80', signed=True), lambda: (5).to_bytes(length=2, byteorder='little'),
          lambda: (1 << 100).to_bytes(13, 'little'), lambda: int.from_bytes((1 << 100).to_bytes(13, 'big'), 'big') == 1 << 100, lambda: (-(1 << 70)).to_bytes(9, 'big', signed=True), lambda: (-128).to_bytes(1, 'big', signed=True), lambda: (-129).to_bytes(1, 'big', signed=True), lambda: True.to_bytes(1, 'big')]:
    show(f)
