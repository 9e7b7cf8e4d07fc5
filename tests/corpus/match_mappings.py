# match mapping patterns: keys, **rest, nested, missing keys, get semantics.
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return "click at %d,%d" % (x, y)
        case {"type": "key", "key": str(k), **rest} if rest:
            return "key %s with extras %r" % (k, sorted(rest))
        case {"type": "key", "key": k}:
            return "plain key %r" % (k,)
        case {"type": t, **rest}:
            return "unknown type %s, %d more keys" % (t, len(rest))
        case {}:
            return "mapping without type"
        case _:
            return "not a mapping"
for e in ({"type": "click", "pos": (1, 2)}, {"type": "key", "key": "a", "mod": "shift", "t": 1},
          {"type": "key", "key": 5}, {"type": "scroll", "dy": 3}, {"x": 1}, {}, [("type", "click")]):
    print(handle(e))
class Default(dict):
    def __missing__(self, k):
        return "missing!"
match Default(a=1):
    case {"b": v}:
        print("matched via __missing__?", v)
    case {"a": v}:
        print("only real keys match, a =", v)
KEY = "dyn"
class K:
    KEY = "dyn"
match {"dyn": 10}:
    case {K.KEY: v}:
        print("value key", v)
