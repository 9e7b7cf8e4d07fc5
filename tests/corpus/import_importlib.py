# importlib: import_module, reload, module attributes, sys.modules manipulation.
import importlib, importlib.util, sys, types
m = importlib.import_module("kpkg.core")
m.greet("a")
print(m.calls, m.__name__, m.__spec__.name, m.__spec__.parent)
m2 = importlib.reload(m)
print(m2 is m, m.calls)
rel = importlib.import_module(".sub", "kpkg")
print(rel.SUB, rel.__name__)
fake = types.ModuleType("fake_mod", "a fake module")
fake.value = 123
sys.modules["fake_mod"] = fake
import fake_mod
print(fake_mod.value, fake_mod.__doc__, repr(fake_mod)[:20])
del sys.modules["fake_mod"]
try:
    import fake_mod as again
    print("still bound locally", again.value)
except ImportError as e:
    print("ImportError", e)
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print("ImportError:", e)
print(importlib.util.find_spec("kpkg") is not None, importlib.util.find_spec("no_such_xyz"))
