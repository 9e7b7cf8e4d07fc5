# Importing a package with relative imports inside it (tests/corpus/pkgs on sys.path).
import kpkg
print(kpkg.VERSION, kpkg.greet("world"), kpkg.__name__, kpkg.__package__)
from kpkg import util
print(util.both("x"))
import kpkg.sub.leaf
print(kpkg.sub.leaf.LEAF_VALUE, kpkg.sub.SUB, util.leaf is kpkg.sub.leaf)
import kpkg.core as core_alias
print(core_alias.calls, core_alias is kpkg.core, kpkg.util.__package__, kpkg.sub.leaf.__package__)
import sys
print(sorted(k for k in sys.modules if k.startswith("kpkg")))
import kpkg
print("second import prints nothing")
