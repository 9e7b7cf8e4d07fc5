# Operator dunders: binary, reflected, in-place, unary, NotImplemented fallback.
class V:
    def __init__(self, *c): self.c = c
    def __repr__(self): return "V%r" % (self.c,)
    def __add__(self, o):
        if isinstance(o, V): return V(*(a + b for a, b in zip(self.c, o.c)))
        if isinstance(o, (int, float)): return V(*(a + o for a in self.c))
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, o): return self + (-o)
    def __neg__(self): return V(*(-a for a in self.c))
    def __pos__(self): return self
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __invert__(self): return V(*reversed(self.c))
    def __mul__(self, k): return V(*(a * k for a in self.c))
    def __rmul__(self, k):
        print("rmul")
        return self * k
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __truediv__(self, k): return V(*(a / k for a in self.c))
    def __floordiv__(self, k): return V(*(a // k for a in self.c))
    def __mod__(self, k): return V(*(a % k for a in self.c))
    def __pow__(self, k, mod=None): return V(*(pow(a, k, mod) for a in self.c))
    def __lshift__(self, n): return V(*(self.c[n:] + self.c[:n]))
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __rshift__(self, o): return "rshift"
    def __divmod__(self, o): return "divmod"
    def __rtruediv__(self, o): return "rtruediv"
    def __iadd__(self, o):
        print("iadd")
        self.c = tuple(a + o for a in self.c)
        return self
a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 1 + a, a - b, -a, +a, abs(V(3, 4)), ~a)
print(a * 3, 3 * a, a @ b, b / 2, b // 2, b % 3, a ** 2, pow(b, 2, 5), V(1, 2, 3) << 1)
print(a & b, a | b, a ^ b, a >> b, divmod(a, b), 1 / a)
c = a
c += 10
print(c, c is a)
c -= 1
print(c, c is a)
try:
    a + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" - a
except TypeError as e:
    print("TypeError:", e)
class R(V):
    def __radd__(self, o): return "subclass radd tried first"
print(V(1) + R(2))
