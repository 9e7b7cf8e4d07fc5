# Name resolution across module, class, function, comprehension and exec scopes (LOAD_NAME / GLOBAL / DEREF / CLASSDEREF).
x = "module x"
def f():
    return x
class C:
    x = "class x"
    y = x
    def m(self):
        return x
    z = [x for _ in range(1)]
print(f(), C.y, C().m(), C.z)
def outer():
    x = "enclosing x"
    class Inner:
        a = x
        x = "inner class x"
        b = x
        def get(self):
            return x
    return Inner
I = outer()
print(I.a, I.b, I().get())
def outer2():
    v = "free v"
    class K:
        w = v
    return K.w
print(outer2())
def uses_builtin():
    return len("four"), len.__name__
len_backup = len
def shadow_module_builtin():
    global len
    len = lambda s: "shadowed len"
    try:
        return uses_builtin()
    finally:
        del len
print(shadow_module_builtin(), uses_builtin())
def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = "local later"
unbound()
