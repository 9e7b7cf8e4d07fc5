# In-place operators fall back to binary ones; mutating vs rebinding.
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        print("__add__")
        return OnlyAdd(self.v + o)
a = OnlyAdd(1)
b = a
a += 1
print(a.v, b.v, a is b)
class InPlaceNI:
    def __iadd__(self, o):
        print("__iadd__ -> NotImplemented")
        return NotImplemented
    def __add__(self, o):
        print("__add__")
        return "added"
x = InPlaceNI()
x += 1
print(x)
class Radd:
    def __radd__(self, o):
        print("__radd__")
        return "radd result"
y = 5
y += Radd()
print(y)
lst = [1]
tup = (lst,)
try:
    tup[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(tup)
s = {1}
s |= {2}; s &= {2, 3}; s ^= {4}; s -= {4}
print(s)
d = {"a": 1}
d |= {"b": 2}
print(d)
