# Import failures: missing module, failing module not left in sys.modules, cycles.
import sys
try:
    import does_not_exist_anywhere
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    import kpkg.broken
except RuntimeError as e:
    print("RuntimeError:", e)
print("kpkg.broken" in sys.modules, "kpkg" in sys.modules)
try:
    import kpkg.broken
except RuntimeError as e:
    print("again:", e)
from kpkg import cyclic_a
print(cyclic_a.b_view(), cyclic_a.A_LATE)
try:
    import kpkg.nope.deeper
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from . import anything
except ImportError as e:
    print("ImportError:", e)
try:
    __import__("")
except ValueError as e:
    print("ValueError:", e)
