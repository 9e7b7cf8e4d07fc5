"""kpkg.broken: raises while being imported."""
before = 1
raise RuntimeError("kpkg.broken fails at import time")
