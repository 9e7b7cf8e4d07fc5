# raise ... from, __context__, __cause__, __suppress_context__, __traceback__.
def inner():
    raise KeyError("original")
try:
    try:
        inner()
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as v:
    print(repr(v), repr(v.__cause__), repr(v.__context__), v.__suppress_context__)
try:
    try:
        inner()
    except KeyError:
        raise TypeError("implicit")
except TypeError as t:
    print(repr(t.__context__), t.__cause__, t.__suppress_context__)
try:
    try:
        inner()
    except KeyError:
        raise TypeError("hidden") from None
except TypeError as t:
    print(repr(t.__context__), t.__cause__, t.__suppress_context__)
try:
    inner()
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names, type(e.__traceback__).__name__)
e = ValueError("manual")
e.__cause__ = KeyError("c")
print(repr(e.__cause__), e.__suppress_context__)
try:
    raise ValueError("x") from 5
except TypeError as te:
    print("TypeError:", te)
try:
    raise IndexError("cls") from KeyError
except IndexError as ie:
    print(repr(ie.__cause__))
err = RuntimeError("t")
print(err.with_traceback(None) is err, err.__traceback__)
