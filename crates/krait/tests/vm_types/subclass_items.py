# Subclasses of dict/list/tuple overriding item access and calling super(); __missing__.
class D(dict):
    def __missing__(self, k):
        return k * 2
print(D()["ab"])
class L2(list):
    def __getitem__(self, i):
        return ("L2", super().__getitem__(i))
print(L2([5, 6])[1])
print("x" * 3, 2 ** 100)
class D2(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
    def __getitem__(self, k):
        return ("D2", super().__getitem__(k))
    def __delitem__(self, k):
        print("del", k)
        super().__delitem__(k)
d = D2(); d["a"] = 1; print(d["a"], dict(d)); del d["a"]; print(d)
class T(tuple):
    def __getitem__(self, i):
        return -super().__getitem__(i)
print(T((1, 2))[0], list.__getitem__([1, 2], 1))
