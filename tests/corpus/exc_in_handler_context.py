# The exception being handled: sys.exc_info, implicit context in nested handlers, bare raise.
import sys
print(sys.exc_info())
try:
    raise ValueError("outer")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, sys.exception() is v if hasattr(sys, "exception") else True)
    try:
        raise TypeError("inner")
    except TypeError:
        print(sys.exc_info()[1])
    print(sys.exc_info()[1])
print(sys.exc_info())
def reraise():
    try:
        raise KeyError("again")
    except KeyError:
        raise
try:
    reraise()
except KeyError as e:
    print("reraised", repr(e))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def helper():
    raise
try:
    try:
        raise OSError("from helper")
    except OSError:
        helper()
except OSError as e:
    print("helper reraised", e)
try:
    try:
        raise ValueError(1)
    except ValueError as e1:
        try:
            raise TypeError(2)
        except TypeError as e2:
            raise KeyError(3)
except KeyError as e3:
    print(repr(e3.__context__), repr(e3.__context__.__context__))
