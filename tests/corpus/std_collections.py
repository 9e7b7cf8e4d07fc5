# collections: deque, Counter arithmetic, namedtuple defaults, UserDict, OrderedDict LRU.
from collections import deque, Counter, namedtuple, UserDict, UserList, OrderedDict
d = deque(range(5))
d.rotate(2); d.extendleft([10, 11]); d.remove(3)
print(d, d[0], d[-1], len(d), d.index(4), list(d)[::2])
c = Counter(a=3, b=1)
c.update("aab")
c.subtract({"a": 1})
print(c, c.most_common(), list(c.elements()), c["z"], dict(c & Counter(a=2)), dict(c | Counter(b=9)))
P = namedtuple("P", ["x", "y", "z"], defaults=[0])
print(P(1, 2), P._field_defaults, P(1, 2, 3)._asdict())
class Upper(UserDict):
    def __setitem__(self, k, v): super().__setitem__(k.upper(), v)
u = Upper(a=1)
u["b"] = 2
print(u, u.data, "A" in u, len(u))
class Stack(UserList):
    def push(self, x): self.append(x)
s = Stack([1]); s.push(2)
print(s, s.pop(), type(s + [3]).__name__)
class LRU(OrderedDict):
    def __init__(self, cap): super().__init__(); self.cap = cap
    def get_(self, k):
        self.move_to_end(k)
        return self[k]
    def put(self, k, v):
        self[k] = v
        self.move_to_end(k)
        if len(self) > self.cap:
            self.popitem(last=False)
lru = LRU(2)
lru.put("a", 1); lru.put("b", 2); lru.get_("a"); lru.put("c", 3)
print(list(lru.items()))
