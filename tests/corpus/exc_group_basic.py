# ExceptionGroup construction, split, subgroup, derive, nesting.
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
print(eg, repr(eg.exceptions[0]), len(eg.exceptions))
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError))
bg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(bg).__name__, repr(bg))
g2 = BaseExceptionGroup("auto", [ValueError()])
print(type(g2).__name__)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
try:
    ExceptionGroup("bad", "notalist")
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("bad", 5)
except TypeError as e:
    print("TypeError:", e)
d = eg.derive([ZeroDivisionError()])
print(repr(d), d.message)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, BaseException), ExceptionGroup.__mro__[1].__name__)
