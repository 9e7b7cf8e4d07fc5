# __hash__ and __eq__ with dict/set membership; unhashable types.
class Key:
    def __init__(self, k): self.k = k
    def __hash__(self):
        print("hash", self.k)
        return hash(self.k)
    def __eq__(self, o):
        print("eq", self.k, o.k)
        return self.k == o.k
d = {Key("a"): 1}
print(d[Key("a")])
s = {Key(1), Key(2)}
print(Key(2) in s)
class Collide:
    def __init__(self, n): self.n = n
    def __hash__(self): return 42
    def __eq__(self, o): return self.n == o.n
    def __repr__(self): return "C%d" % self.n
cs = {Collide(i) for i in range(5)}
print(len(cs), Collide(3) in cs, Collide(9) in cs)
for bad in ([], {}, set(), bytearray()):
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)
class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__)
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)), hash(-1), hash(-2))
print(hash(2**61 - 1), hash(2**61), hash(float("inf")), hash(0.5))
class BadHash:
    def __hash__(self): return "nope"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
