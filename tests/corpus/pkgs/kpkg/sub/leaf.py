"""kpkg.sub.leaf: reaches up with `from .. import`."""
from .. import VERSION
from ..core import greet
from . import SUB
LEAF_VALUE = 42
def describe():
    return "leaf of %s, version %s, %s" % (SUB, VERSION, greet("leaf"))
