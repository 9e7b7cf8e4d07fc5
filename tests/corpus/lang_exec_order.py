# Evaluation order: call arguments left to right, dict displays, assignment targets, subscripts.
def t(x):
    print("eval", x)
    return x
def f(*a, **k): return None
f(t(1), t(2), k=t(3), **{"z": t(4)})
d = {t("k1"): t("v1"), t("k2"): t("v2")}
lst = [0, 0]
lst[t(0)] = t("value")
a = {}
a[t("key")], lst[t(1)] = t("first"), t("second")
print(t(1) + t(2) * t(3))
print(t("left") if t("cond") else t("right"))
x = [t(i) for i in range(2)]
t("obj").__class__, t("after")
class C:
    print("class body runs at definition")
    attr = t("class attr")
def deco(n):
    print("decorator expr", n)
    return lambda fn: fn
@deco(1)
@deco(2)
def decorated(arg=t("default")): pass
