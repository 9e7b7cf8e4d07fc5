# An exception in __del__ is reported as unraisable (stderr) and the program goes on; then exit 5.
import sys
class Noisy:
    def __del__(self):
        raise RuntimeError("in __del__")
sys.unraisablehook = lambda u: print("unraisable:", type(u.exc_value).__name__, u.exc_value, file=sys.stderr)
n = Noisy()
del n
print("continued after __del__ error")
sys.exit(5)
