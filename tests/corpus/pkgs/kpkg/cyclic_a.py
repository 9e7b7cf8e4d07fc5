"""Half of an import cycle: imports cyclic_b, which imports this module back."""
A_EARLY = "a early"
from . import cyclic_b
A_LATE = "a late"
def b_view():
    return cyclic_b.seen
