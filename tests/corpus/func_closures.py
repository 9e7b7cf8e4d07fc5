# Closures: cell variables shared between functions, cells created late, cell contents.
def make():
    fns = {}
    value = 0
    def get(): return value
    def put(v):
        nonlocal value
        value = v
    fns["get"], fns["put"] = get, put
    return fns
a = make()
b = make()
a["put"](10)
print(a["get"](), b["get"]())
def adder(n):
    return lambda x: x + n
add5 = adder(5)
print(add5(1), add5.__closure__[0].cell_contents, add5.__code__.co_freevars)
def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
print(compose(str, adder(1), lambda v: v * 10)(4))
def counter_gen():
    count = 0
    def tick():
        nonlocal count
        count += 1
        return count
    return tick
t = counter_gen()
print([t() for _ in range(4)])
def arg_cell(x):
    def inner():
        return x * 2
    x += 1
    return inner()
print(arg_cell(5))
def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            c = 3
            def l3():
                return a + b + c
            return l3
        return l2
    return l1()()()
print(deep())
import types
c = types.CellType(7)
print(c.cell_contents)
def empty_cell():
    def f(): return z
    try:
        f()
    except NameError as e:
        print("NameError:", e)
    z = 1
    return f()
print(empty_cell())
