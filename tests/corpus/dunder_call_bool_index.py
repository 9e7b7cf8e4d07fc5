# __call__, __bool__, __len__ for truth, __index__ for slicing/bin/range.
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *, twice=False): return x + self.n * (2 if twice else 1)
add = Adder(3)
print(add(1), add(1, twice=True), callable(add), callable(Adder))
class Truth:
    def __init__(self, v): self.v = v
    def __bool__(self):
        print("bool called")
        return self.v
print(bool(Truth(False)), "yes" if Truth(True) else "no", not Truth(True))
class LenTruth:
    def __len__(self): return 0
print(bool(LenTruth()), bool(object()))
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class Idx:
    def __init__(self, i): self.i = i
    def __index__(self): return self.i
seq = list(range(10))
print(seq[Idx(3)], seq[Idx(1):Idx(4)], bin(Idx(5)), hex(Idx(255)), oct(Idx(8)))
import operator
print(list(range(Idx(3))), "ab" * Idx(2), operator.index(Idx(7)), (1, 2, 3)[Idx(-1)])
try:
    seq[1.5]
except TypeError as e:
    print("TypeError:", e)
class IntLike:
    def __int__(self): return 42
    def __float__(self): return 4.2
    def __complex__(self): return 1j
print(int(IntLike()), float(IntLike()), complex(IntLike()))
try:
    seq[IntLike()]
except TypeError as e:
    print("TypeError:", e)
