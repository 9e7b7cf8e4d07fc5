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
eg = BaseExceptionGroup("m", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
print(type(eg).__name__, eg.message, len(eg.exceptions), str(eg))
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
for bad in [("x", []), ("x", [1]), (1, [ValueError()])]:
    try:
        ExceptionGroup(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
try:
    try:
        raise ValueError
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)
