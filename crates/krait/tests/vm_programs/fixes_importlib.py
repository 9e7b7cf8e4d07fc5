# importlib.reload, importlib.util helpers, module reprs.
import importlib, importlib.util, importlib.machinery, sys, types, os, tempfile
d = tempfile.mkdtemp()
with open(os.path.join(d, "reload_me.py"), "w") as f:
    f.write("counter = 1\n")
sys.path.insert(0, d)
import reload_me
print(reload_me.counter)
with open(os.path.join(d, "reload_me.py"), "w") as f:
    f.write("counter = 2\nextra = 'x'\n")
importlib.invalidate_caches()
st = os.stat(os.path.join(d, "reload_me.py"))
os.utime(os.path.join(d, "reload_me.py"), (st.st_atime + 10, st.st_mtime + 10))
m = importlib.reload(reload_me)
print(m is reload_me, reload_me.counter, reload_me.extra)
del sys.modules["reload_me"]
try:
    importlib.reload(reload_me)
except ImportError as e:
    print("ImportError:", e, e.name)
try:
    importlib.reload(42)
except TypeError as e:
    print("TypeError:", e)
print(importlib.util.MAGIC_NUMBER, importlib.util.source_from_cache("/a/__pycache__/b.cpython-311.pyc"))
print(importlib.util.decode_source(b"# coding: latin-1\nx = '\xe9'\r\n"))
print(repr(types.ModuleType("plain")), repr(sys))
m = types.ModuleType("withfile"); m.__file__ = "/x/y.py"; print(repr(m))
m = types.ModuleType("withloader"); m.__loader__ = "LDR"; print(repr(m))
spec = importlib.util.spec_from_loader("fromloader", None)
print(repr(importlib.util.module_from_spec(spec)))
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print("ImportError:", e)
class Finder:
    def find_spec(self, name, path, target=None):
        if name.startswith("virt_"):
            return importlib.util.spec_from_loader(name, Loader(), origin="virtual")
        return None
class Loader:
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.value = module.__name__.upper()
sys.meta_path.insert(0, Finder())
import virt_one
print(virt_one.value, virt_one.__spec__.origin, repr(virt_one)[:30], virt_one.__loader__.__class__.__name__)
m = importlib.reload(virt_one)
print(m is virt_one, m.value)
spec = importlib.util.find_spec("virt_two")
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
print(mod.value, "virt_two" in sys.modules)
print(importlib.util.resolve_name(".x", "pkg"), importlib.util.cache_from_source("/a/b.py").split("/")[-1].split(".")[0])
sl = importlib.machinery.SourceFileLoader
print(sl.__name__, importlib.machinery.ModuleSpec.__name__)
class NoCreate:
    def exec_module(self, module):
        pass
try:
    importlib.util.module_from_spec(importlib.util.spec_from_loader("nc", NoCreate()))
except ImportError as e:
    print("ImportError:", e)
