# Slicing: read, write, delete, steps, negative indices, slice objects.
s = list(range(10))
print(s[2:5], s[:3], s[7:], s[::2], s[::-1], s[-3:], s[:-7], s[8:2:-2])
print(s[100:], s[-100:2], s[5:1])
t = "abcdefgh"
print(t[1:7:3], t[::-3], t[-1], t[slice(2, None)], t[slice(None, None, -1)])
s[2:4] = ["a", "b", "c"]
print(s)
s[::3] = [0] * len(s[::3])
print(s)
del s[::2]
print(s)
del s[1:3]
print(s)
s[:] = "xyz"
print(s)
try:
    s[::2] = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
sl = slice(1, 10, 2)
print(sl, sl.start, sl.stop, sl.step, sl.indices(5))
print(slice(None).indices(3), slice(-1, None, -1).indices(4))
print(range(20)[3:15:4], tuple(range(20)[3:15:4]))
b = bytearray(b"hello world")
b[0:5] = b"HELLO"
print(b, bytes(b)[::-1])
class Sliced:
    def __getitem__(self, k):
        return k
o = Sliced()
print(o[1:2], o[::], o[1:2, 3], o[..., 1:])
print(repr(o[:]), o[-1])
