"""Other half of the cycle: sees cyclic_a partially initialised."""
from . import cyclic_a
seen = (getattr(cyclic_a, "A_EARLY", None), getattr(cyclic_a, "A_LATE", None))
