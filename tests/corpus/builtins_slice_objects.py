# slice(): attributes, indices, use in __getitem__, equality and hashing behaviour.
s = slice(1, 10, 3)
print(s, s.start, s.stop, s.step, s.indices(7), slice(5).indices(3), slice(None, None, -1).indices(5))
print(list(range(12))[s], "abcdefghijkl"[s], s == slice(1, 10, 3), s != slice(1, 10))
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    print("ValueError:", e)
class Recorder:
    def __getitem__(self, key):
        return key
r = Recorder()
print(r[1:2], r[:], r[::2], r[1:2:3], r[:, 1], r[1:2, ::3])
try:
    hash(slice(1, 2))
    print("slices hashable")
except TypeError as e:
    print("TypeError:", e)
