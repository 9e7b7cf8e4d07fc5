# Class scope rules: class body names are not visible in methods or comprehensions.
x = "global"
class A:
    x = "class"
    y = x + "!"
    def m(self):
        return x
    z = [x for _ in range(1)]
    w = (lambda: x)()
print(A.y, A().m(), A.z, A.w)
def f():
    x = "local"
    class B:
        print("in B body", x)
        x = "B attr"
        def get(self):
            return x
    return B
B = f()
print(B.x, B().get())
def g():
    v = 1
    class C:
        nonlocal v
        v = 2
    return v
print(g())
class D:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        bad = [i * n for i in items for n in items]
    except NameError as e:
        err = str(e)
print(D.doubled)
print(getattr(D, "err", "no error"), getattr(D, "bad", None))
