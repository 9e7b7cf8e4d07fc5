# Dunder methods of builtin containers, and subclasses of builtins.
class D(dict):
    pass
d = D(a=1)
print(d["a"], "a" in d, len(d))
d["q"] = 5; del d["a"]; print(d)
class L(list):
    pass
l = L([1, 2, 3]); l[0] = 9; del l[1]; print(l, l[0], 3 in l, len(l), l[::-1])
class S(str):
    pass
s = S("abc"); print(s[1], "b" in s, len(s), s.upper(), s.find("c"))
print([1, 2].__getitem__(slice(None, None, -1)), "abc".__contains__("b"), {1: 2}.__len__())
