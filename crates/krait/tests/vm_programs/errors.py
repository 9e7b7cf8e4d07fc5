NONE = None

class A:
    def m(self, x):
        return x

cases = [
    lambda: NONE(),
    lambda: None.attr,
    lambda: {[]: 1},
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: "a" < 1,
    lambda: "abc"[10],
    lambda: int("12", 50),
    lambda: A().m(),
    lambda: A.m(1, 2, 3),
    lambda: len(5),
    lambda: [1, 2].index(9),
    lambda: {}.pop("k"),
    lambda: iter(5),
    lambda: next(iter([])),
    lambda: (1, 2) + [3],
    lambda: "x" * "y",
    lambda: -"s",
    lambda: undefined_thing,
    lambda: A().__missing,
    lambda: int(None),
    lambda: [].pop(),
    lambda: chr(-1),
    lambda: float("abc"),
    lambda: (lambda a, b: 0)(1, 2, 3),
    lambda: sorted([1, "a"]),
    lambda: max([]),
]
for c in cases:
    try:
        c()
    except Exception as e:
        print(type(e).__name__ + ":", e)

def outer(v):
    return inner(v) * 2

def inner(v):
    return v["key"] + 1

outer({"key": "text"})
