# Conditional expressions, boolean operators returning operands, truthiness.
def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in (-3, 0, 4)])
print(0 or "default", "" or [] or None, 1 and 2, 0 and 1/0)
print([] or {} or (), "x" and "y" or "z")
print(None if None else "falsy None")
vals = [0, 0.0, 0j, "", b"", [], (), {}, set(), range(0), None, False]
print([bool(v) for v in vals])
vals2 = [1, -1.5, 1j, " ", b"\0", [0], (None,), {0: 0}, {0}, range(1), True]
print(all(vals2), any(vals))
x = 10
y = x > 5 and "big" or "small"
print(y)
print((lambda n: "even" if n % 2 == 0 else "odd")(7))
def noisy(name, value):
    print("eval", name)
    return value
print(noisy("a", 0) or noisy("b", 0) or noisy("c", 3))
print(noisy("a", 1) and noisy("b", 2) and noisy("c", 0) and noisy("d", 4))
print(noisy("t", True) if noisy("cond", False) else noisy("f", False))
