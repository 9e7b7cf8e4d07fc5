# Stand-ins for lib-dynload extension modules have its file as __file__ / spec origin; built-in modules have none.
import sys, math, itertools, _struct
print(repr(math), repr(itertools), repr(sys))
print(math.__file__, math.__spec__.origin, math.__spec__.has_location, hasattr(itertools, "__file__"))
try:
    from math import nope
except ImportError as e:
    print(e)
try:
    from itertools import nope
except ImportError as e:
    print(e)
import importlib.util
print(importlib.util.find_spec("math").origin, importlib.util.find_spec("itertools").origin)
import inspect
print(inspect.getfile(math))
try:
    inspect.getfile(itertools)
except TypeError as e:
    print(e)
import _imp
print(_imp.is_builtin("math"), _imp.is_builtin("itertools"))
print([n in sys.builtin_module_names for n in ("math", "_struct", "itertools", "sys", "builtins", "posix")])
