# f-strings with method calls, dict access, nested quotes and format spec from variables.
items = [("apple", 1.5, 3), ("kiwi", 0.25, 12), ("melon", 3.0, 1)]
width = max(len(n) for n, _, _ in items)
for name, price, qty in items:
    print(f"{name:<{width}} | {price:>6.2f} x {qty:>3} = {price * qty:>8.2f}")
print(f"total {sum(p * q for _, p, q in items):.2f}")
names = [n for n, *_ in items]
print(f"{', '.join(names)!r}", f"{names[-1].upper()}", f"{len(names):03}")
class P:
    def __format__(self, spec): return f"P<{spec}>"
print(f"{P()}", f"{P():abc}", f"{P():{'x' * 3}}")
obj = {"a": {"b": [10, 20]}}
print(f"{obj['a']['b'][1]}", f"{obj!s:.5}")
x = 7
print(f"{x:{'0' if x < 10 else ' '}>4}", f"{x!r:>{x}}")
print(f"{'{'}{'}'}", f"{'{x}'}")
