# sys.modules caching and sys.path contents that are identical across runs.
import sys, os
print(os.path.basename(sys.path[0]) != "" or True, any(p.endswith("pkgs") for p in sys.path))
import kmod
kmod.marker = "set by importer"
import kmod as again
print(again.marker, again is kmod)
del sys.modules["kmod"]
import kmod as fresh
print(hasattr(fresh, "marker"), fresh is kmod)
print("sys" in sys.modules, "builtins" in sys.modules, sys.modules["sys"] is sys)
print(type(sys.path).__name__, type(sys.modules).__name__, isinstance(sys.builtin_module_names, tuple))
