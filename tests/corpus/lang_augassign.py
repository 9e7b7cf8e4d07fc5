# Augmented assignment on names, attributes and subscripts, evaluation order.
log = []
class Obj:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        log.append("get v")
        return self._v
    @v.setter
    def v(self, value):
        log.append("set v=%r" % (value,))
        self._v = value

class Box(dict):
    def __getitem__(self, k):
        log.append("getitem %r" % (k,))
        return super().__getitem__(k)
    def __setitem__(self, k, v):
        log.append("setitem %r=%r" % (k, v))
        super().__setitem__(k, v)

def key(k):
    log.append("key %r" % (k,))
    return k

o = Obj()
o.v += 10
o.v *= 2
print(o.v, log); log.clear()
b = Box(a=1)
b[key("a")] += 5
b[key("a")] **= 2
print(b, log); log.clear()
n = 7
n //= 2; print(n)
n <<= 3; print(n)
n >>= 1; print(n)
n %= 5; print(n)
n |= 8; print(n)
n &= 12; print(n)
n ^= 5; print(n)
n -= 100; print(n)
f = 1.5
f /= 4; print(f)
s = "ab"
s *= 3; print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
t = (1,)
talias = t
t += (2,)
print(t, talias, t is talias)
m = [[1, 2], [3, 4]]
m[1][0] += 30
print(m)
sl = [1, 2, 3, 4]
sl[1:3] += ["x"]
print(sl)
