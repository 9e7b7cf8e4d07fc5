# except* handling: matching parts, re-raise of the rest, naked exceptions wrapped.
def raiser(excs):
    raise ExceptionGroup("eg", excs)
try:
    raiser([ValueError("a"), TypeError("b"), ValueError("c")])
except* ValueError as g:
    print("ValueError part:", repr(g))
except* TypeError as g:
    print("TypeError part:", repr(g))
try:
    try:
        raiser([ValueError("a"), KeyError("k")])
    except* ValueError:
        print("handled ValueErrors")
except ExceptionGroup as rest:
    print("unhandled rest:", repr(rest))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked wrapped:", repr(g), type(g).__name__)
try:
    try:
        raiser([OSError("o")])
    except* OSError:
        raise RuntimeError("in handler")
except (ExceptionGroup, RuntimeError) as e:
    print("raised in handler:", type(e).__name__, repr(e), repr(e.__context__))
try:
    raiser([ValueError(1)])
except* (TypeError, ValueError) as g:
    print("tuple matched", g.exceptions)
def nothing_matches():
    try:
        raiser([KeyError(1)])
    except* ValueError:
        print("no")
try:
    nothing_matches()
except ExceptionGroup as e:
    print("passes through:", repr(e))
try:
    raiser([ValueError(1)])
except* ValueError:
    pass
else:
    print("not else")
finally:
    print("finally after except*")
