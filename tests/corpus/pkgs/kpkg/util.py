"""kpkg.util: relative imports of a sibling and a subpackage."""
from . import core
from .core import greet as g
from .sub import leaf
from .sub.leaf import LEAF_VALUE
def both(name):
    return g(name).upper(), leaf.describe(), LEAF_VALUE, core.calls
