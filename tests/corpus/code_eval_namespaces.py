# eval/exec namespace behaviour: globals injected with __builtins__, locals mapping objects, closures.
g = {}
exec("x = 1", g)
print("__builtins__" in g, sorted(k for k in g if k != "__builtins__"))
class Logger(dict):
    def __getitem__(self, k):
        print("lookup", k)
        return super().__getitem__(k)
    def __setitem__(self, k, v):
        print("store", k, v)
        super().__setitem__(k, v)
ns = Logger(a=5)
exec("b = a * 2", {}, ns)
print(dict(ns))
print(eval("a + 1", {}, ns))
def make_closure():
    v = 10
    return eval("lambda: v")
try:
    print(make_closure()())
except NameError as e:
    print("NameError:", e)
src = "def add(p, q):\n    return p + q + OFFSET\n"
mod = {"OFFSET": 100}
exec(src, mod)
print(mod["add"](1, 2), mod["add"].__globals__ is mod)
