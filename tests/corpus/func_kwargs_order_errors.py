# Argument-binding error messages for many shapes of bad calls.
def f0(): pass
def f1(a): pass
def f2(a, b=1): pass
def fv(*a): pass
def fk(*, k): pass
def fp(a, /): pass
class C:
    def m(self, x): pass
calls = [
    lambda: f0(1), lambda: f1(), lambda: f1(1, 2), lambda: f2(), lambda: f2(1, 2, 3),
    lambda: f2(1, a=1), lambda: fk(1), lambda: fk(), lambda: fk(k=1, j=2), lambda: fp(a=1),
    lambda: C().m(), lambda: C().m(1, 2), lambda: C.m(), lambda: f1(**{"a": 1, "b": 2}),
    lambda: fv(x=1), lambda: len(), lambda: len(1, 2), lambda: int(x=1), lambda: "".join(),
    lambda: [].append(1, 2), lambda: {}.get(), lambda: divmod(1), lambda: sorted([], 1),
]
for c in calls:
    try:
        c()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
