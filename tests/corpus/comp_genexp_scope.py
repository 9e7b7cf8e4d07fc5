# Comprehension scoping: leaking, class bodies, outer iterable evaluated eagerly.
class C:
    vals = [1, 2, 3]
    total = sum(v for v in vals)
    doubled = [v * 2 for v in vals]
print(C.total, C.doubled)
def f():
    x = 1
    return [x + y for y in range(3)], (lambda: [x for _ in range(2)])()
print(f())
results = []
for n in range(3):
    results.append([n * m for m in range(3)])
print(results)
funcs = [lambda: m for m in range(3)]
print([fn() for fn in funcs])
print([m for m in range(2)], "m" in dir())
def uses_walrus():
    [last := x for x in "xyz"]
    return last
print(uses_walrus())
try:
    compile("[i := 0 for i in range(2)]", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
import sys
print([frame for frame in [sys._getframe().f_code.co_name]])
