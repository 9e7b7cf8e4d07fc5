# LOAD_NAME in module code shares the LOAD_GLOBAL cache: rebinding, del, builtins shadowing and changes, dict-subclass namespaces through exec.
x = 1
def show():
    print(x)
for i in range(3):
    print(x, len, i)
    x = x + 1
del x
try:
    print(x)
except NameError as e:
    print(e)
len = lambda s: 42
print(len("abc"))
del len
print(len("abc"))
import builtins
builtins.zz = 5
print(zz)
del builtins.zz
try:
    zz
except NameError as e:
    print(e)
class D(dict):
    def __missing__(self, k):
        return "missing " + k
g = D()
exec("print(foo)\nprint(len)", g)
exec("y = 3\nprint(y, ArithmeticError)", {}, {})
ns = {}
exec("a = 1\nfor _ in range(2):\n    print(a)\n    a += 1\n", ns)
try:
    undefined_name_q
except NameError as e:
    print(e)
