# object.__reduce_ex__/__reduce__/__getstate__ and copy.copy/deepcopy of
# user classes and builtin containers.
import copy


class P:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "P(%r, %r)" % (self.x, self.y)


p = P(1, [2, 3])
q = copy.copy(p)
r = copy.deepcopy(p)
print(q, r, q.y is p.y, r.y is p.y)
print(copy.deepcopy({"a": [1, (2, [3])], "b": {4}, "c": frozenset({5})}))
print(copy.copy(range(1, 9, 2)), copy.copy(slice(1, 2)).stop)
red = p.__reduce_ex__(2)
print(red[0].__name__, red[1:])
print(p.__getstate__(), object().__getstate__())


class L(list):
    pass


m = copy.deepcopy(L([1, [2]]))
print(m, type(m).__name__)


class R:
    def __reduce__(self):
        return (R, ())


print(type(copy.copy(R())).__name__)


class G:
    def __init__(self, a):
        self.a = a

    def __getnewargs__(self):
        return (self.a,)

    def __getstate__(self):
        return {"b": 1}


print(G(3).__reduce_ex__(2)[1:3])


class E:
    def __getnewargs_ex__(self):
        return ((1,), {"k": 2})


print(E().__reduce_ex__(4)[0].__name__, E().__reduce_ex__(4)[1][1:])


class Slots:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


s2 = copy.copy(Slots())
print(s2.a, hasattr(s2, "b"))
print((5).__getnewargs__(), "ab".__getnewargs__(), (1, 2).__getnewargs__())
print(set([3]).__reduce__())
