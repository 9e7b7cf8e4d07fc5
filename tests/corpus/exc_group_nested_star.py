# except* with nested groups: structure preserved, multiple handlers, reraise in handler.
def make():
    return ExceptionGroup("top", [
        ValueError("v1"),
        ExceptionGroup("mid", [TypeError("t1"), ValueError("v2")]),
        KeyError("k1"),
    ])
try:
    raise make()
except* ValueError as g:
    print("values:", repr(g))
except* (TypeError, KeyError) as g:
    print("others:", repr(g))
try:
    try:
        raise make()
    except* TypeError as g:
        print("types:", repr(g))
        raise
except ExceptionGroup as rest:
    print("reraised:", repr(rest))
def leaf_count(eg):
    return sum(leaf_count(e) if isinstance(e, BaseExceptionGroup) else 1 for e in eg.exceptions)
print(leaf_count(make()))
try:
    try:
        raise make()
    except* KeyError:
        raise ValueError("new in handler")
except ExceptionGroup as eg:
    print(type(eg).__name__, len(eg.exceptions), [type(x).__name__ for x in eg.exceptions])
