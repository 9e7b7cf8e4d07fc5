# Module objects: attributes, __dict__, reloading state, module-level __getattr__ and __dir__.
import kmod, kpkg, kpkg.sub
print(type(kmod).__name__, kmod.__name__, kpkg.__path__ is not None, hasattr(kmod, "__path__"))
print(kmod.__doc__, kpkg.sub.__doc__, kpkg.__all__)
print(sorted(k for k in vars(kmod) if not k.startswith("__")))
print(kmod.lazy, dir(kmod))
print(kpkg.sub.__name__, kpkg.sub.__package__, kpkg.sub.__spec__.parent, kpkg.__spec__.submodule_search_locations is not None)
kmod.added = "runtime attribute"
import kmod as km2
print(km2.added)
