# match with builtin class patterns that take a single positional (self) subpattern.
def kind(v):
    match v:
        case bool(b):
            return "bool %r" % b
        case int(0):
            return "int zero"
        case int(i) if i < 0:
            return "negative int"
        case int():
            return "int"
        case float(f) if f != f:
            return "nan"
        case float():
            return "float"
        case str("") | bytes(b""):
            return "empty text"
        case str(s):
            return "str of %d" % len(s)
        case (bytes() | bytearray()) as raw:
            return "binary %r" % bytes(raw)
        case tuple((x, y)):
            return "pair %r %r" % (x, y)
        case list([]) | dict({}):
            return "empty container"
        case frozenset() | set():
            return "set-like of %d" % len(v)
        case _:
            return "other " + type(v).__name__
for v in (True, 0, -3, 7, float("nan"), 1.5, "", b"", "abc", b"xy", bytearray(b"z"), (1, 2), (1, 2, 3), [], {}, {1}, frozenset(), None):
    print(repr(v), "->", kind(v))
