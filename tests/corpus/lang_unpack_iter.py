# Unpacking works with any iterable, and consumes exactly what it needs.
def gen():
    for i in range(3):
        print("yield", i)
        yield i
a, b, c = gen()
print(a, b, c)
try:
    a, b = gen()
except ValueError as e:
    print("ValueError:", e)
k1, k2 = {"x": 1, "y": 2}
print(k1, k2)
(a, b), c = "xy", 3
print(a, b, c)
first, *_ = iter(range(100))
print(first, len(_))
x, y = y, x = 1, 2
print(x, y)
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
p, q, r = Seq()
print(p, q, r, list(Seq()))
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
