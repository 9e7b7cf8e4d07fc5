# del on names, attributes, subscripts, slices; NameError after del.
x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
class C:
    pass
c = C()
c.a = 1
c.b = 2
del c.a
print(vars(c))
try:
    del c.zz
except AttributeError as e:
    print("AttributeError:", e)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["nope"]
except KeyError as e:
    print("KeyError:", e)
lst = [0, 1, 2, 3, 4]
del lst[0], lst[-1]
print(lst)
a, b = 1, 2
del (a, b)
print("a" in globals(), "b" in globals())
def f():
    y = 5
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: %s" % e
print(f())
def g():
    v = 1
    def inner():
        return v
    del v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
g()
class D:
    def __delitem__(self, k): print("delitem", k)
    def __delattr__(self, k): print("delattr", k)
dd = D()
del dd[1:2], dd["k"]
del dd.attr
