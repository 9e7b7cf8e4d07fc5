# f-strings: expressions, conversions, format specs, nested fields, self-documenting =.
name, n, pi = "Ada", 42, 3.14159265
print(f"{name} has {n} items, pi~{pi:.3f}")
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{-n:+}|{n: }")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b} {n:,} {2**20:_}")
print(f"{pi:e} {pi:E} {pi:g} {pi:10.4} {pi:%} {pi:.2%} {1e20:g} {1.5e-7:g}")
width, prec = 12, 4
print(f"[{pi:{width}.{prec}f}] [{name:*^{width}}] [{pi:>{width}.{prec}e}]")
print(f"{n=} {pi=:.2f} {name = !r} {n + 1 = }")
print(f"{{literal braces}} {{{n}}}")
print(f"{'nested ' + f'{n:03}'}", f"{[x * 2 for x in range(3)]}", f"{ {'a': 1}['a'] }")
d = {"key": "value"}
print(f"{d['key']} {d!r:>30}")
print(f"{3 if n > 10 else 4} {(lambda: 'lam')()} {n:{'>'}{8}}")
print(f"""triple {name}
second line {n}""")
print(f"{'x':>{3}}", f"{'y':{'*'}^{5}}")
import datetime
dt = datetime.datetime(2024, 1, 2, 3, 4, 5)
print(f"{dt:%Y-%m-%d %H:%M:%S} {dt!r}")
print(rf"raw \n {n}", fr"{name}\t")
