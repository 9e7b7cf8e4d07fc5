# exec with separate globals and locals: class-like scoping, functions see globals only.
g = {"gv": "global value"}
l = {}
exec("lv = 'local value'\ndef f():\n    return gv\nr = f()\ntry:\n    def h():\n        return lv\n    h()\nexcept NameError as e:\n    err = str(e)\n", g, l)
print(sorted(l), l["r"], l["err"])
def run_in_function():
    exec("new_var = 5")
    return "new_var" in locals(), locals().get("new_var")
print(run_in_function())
src = """
total = 0
for i in range(5):
    total += i
"""
ns = {}
exec(src, ns)
print(ns["total"])
exec("import sys as _s; print(_s.__name__)", {})
code = compile("yield_value = [x ** 2 for x in range(4)]", "<c>", "exec")
exec(code, ns)
print(ns["yield_value"])
print(eval("gv", g), eval("lv", g, l))
