# Absolute imports, from-imports, aliases, star imports honouring __all__.
import os.path
import collections.abc as cabc
from math import pi as PI, floor
from kmod import *
print(os.path.join("a", "b"), cabc.Mapping.__name__, PI, floor(2.7))
print(public, Thing(), "also_public_but_not_in_all" in dir(), "_private" in dir())
import kmod
print(kmod._private, kmod.lazy, dir(kmod))
try:
    kmod.missing
except AttributeError as e:
    print("AttributeError:", e)
from kmod import lazy
print(lazy)
try:
    from kmod import nothing_here
except ImportError as e:
    print("ImportError:", e)
try:
    from math import nope
except ImportError as e:
    print("ImportError:", e, e.name)
