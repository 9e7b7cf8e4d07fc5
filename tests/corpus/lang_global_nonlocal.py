# global and nonlocal declarations, closures capturing loop variables.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def make_counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    def get():
        return n
    return inc, get
inc, get = make_counter()
inc(); inc(5)
print(get())
def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    r = middle()
    return r, x
print(outer())
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def late():
    funcs = []
    for k in range(3):
        def f():
            return k
        funcs.append(f)
    return [f() for f in funcs]
print(late())
def defines_global():
    global brand_new
    brand_new = "created"
defines_global()
print(brand_new)
def shadow():
    counter = "local"
    return counter
print(shadow(), counter)
def cells():
    a = 1
    b = 2
    def use():
        return a + b
    return use
print(cells()(), cells().__code__.co_freevars, cells.__code__.co_cellvars)
