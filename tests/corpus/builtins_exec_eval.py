# eval and exec with globals/locals dictionaries, expression vs statements, builtins access.
g = {"x": 10}
l = {"y": 5}
print(eval("x + y", g, l), eval("[i * 2 for i in range(3)]"), eval("len('abc')", {}))
exec("z = x * 2\ndef f(a):\n    return a + z\nresult = f(1)", g)
print(g["z"], g["result"], sorted(k for k in g if k != "__builtins__"))
ns = {}
exec("import math\nv = math.floor(2.7)", ns)
print(ns["v"], "math" in ns)
loc = {}
exec("a = 1\nb = a + 1", {}, loc)
print(loc)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    eval("undefined_thing", {})
except NameError as e:
    print("NameError:", e)
print(eval("__builtins__ is not None", {}), eval("abs(-1)", {"__builtins__": {"abs": abs}}))
try:
    eval("len('x')", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)
def scope():
    q = 7
    return eval("q * 2"), eval("q", {"q": "global q"})
print(scope())
code = compile("w * 3", "<expr>", "eval")
print(eval(code, {"w": 4}), exec("pass"), eval(" 1 "))
print(eval("(lambda n: n * n)(9)"), exec("print('exec prints')"))
