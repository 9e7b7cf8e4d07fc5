# Exit status modulo 256 and a non-int code object.
import sys
class Code:
    def __str__(self):
        return "custom exit object"
try:
    sys.exit(Code())
except SystemExit as e:
    print(type(e.code).__name__)
sys.exit(257)
