# Chained comparisons evaluate each operand once and short-circuit.
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls); calls.clear()
print(v(1) < v(0) < v(3), calls); calls.clear()
print(v(5) > v(4) >= v(4) != v(3) == v(3), calls); calls.clear()
print(1 < 2 > 0, 1 == 1.0 == True, "a" < "b" < "c" < "ab")
print(3 in [1, 2, 3] in [[1, 2, 3]])
x = 5
print(0 <= x < 10, 0 <= x < 5)
a = [1]
b = a
print(a is b is not None, a is not [1])
class Noisy:
    def __init__(self, n): self.n = n
    def __lt__(self, other):
        print("lt", self.n, other.n)
        return self.n < other.n
print(Noisy(1) < Noisy(2) < Noisy(3))
r = Noisy(3) < Noisy(2) < Noisy(1)
print(r)
try:
    print(1 < "a" < 2)
except TypeError as e:
    print("TypeError:", e)
print(not 1 < 2, (1 < 2) < 3)
