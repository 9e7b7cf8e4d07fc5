# Module-level names: globals() mutation, __annotations__ at module level, __dict__ order.
a = 1
globals()["b"] = 2
print(a + b)
for name in ("c", "d"):
    globals()[name] = name.upper()
print(c, d)
counter: int = 0
label: str
print(__annotations__)
print([k for k in globals() if not k.startswith("__")][:8])
def reads_global():
    return a
a = 10
print(reads_global())
import types
m = types.ModuleType("dynamic")
exec("def hi():\n    return __name__", m.__dict__)
print(m.hi(), m.__name__)
