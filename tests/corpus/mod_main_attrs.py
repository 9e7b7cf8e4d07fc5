# The __main__ module: __name__, __spec__ absence-safe checks, builtins, module type.
import sys
print(__name__, __builtins__.__name__ if hasattr(__builtins__, "__name__") else type(__builtins__).__name__)
me = sys.modules["__main__"]
print(type(me).__name__, me.__name__, me is sys.modules[__name__])
x = "module global"
print(me.x, getattr(me, "x") is x, "x" in vars(me))
print(__doc__)
import builtins
print(builtins.len is len, builtins.__name__, "print" in dir(builtins))
builtins.injected_name = "visible everywhere"
print(injected_name)
del builtins.injected_name
try:
    injected_name
except NameError as e:
    print("NameError:", e)
def shadow_builtin():
    len = lambda x: "shadowed"
    return len([1, 2])
print(shadow_builtin(), len([1, 2]))
