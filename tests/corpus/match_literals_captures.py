# match: literal, capture, wildcard, value patterns, guards.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
LIMIT = 100
class Const:
    LIMIT = 100
def classify(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case None:
            return "none"
        case True:
            return "true"
        case Color.RED:
            return "red"
        case Const.LIMIT:
            return "limit"
        case -1.5:
            return "negative float"
        case 1+2j:
            return "complex"
        case b"raw":
            return "bytes"
        case int(n) if n > 1000:
            return "big int %d" % n
        case str() as s if len(s) > 5:
            return "long string " + s
        case other:
            return "other %r" % (other,)
for v in (0, 2, "hello", None, True, Color.RED, Color.GREEN, 100, -1.5, 1+2j, b"raw", 5000, "abcdefg", "ab", 1.0, False):
    print(repr(v), "->", classify(v))
def wildcard(x):
    match x:
        case _:
            return "always"
print(wildcard(object) == "always")
