# The `as` name is deleted after the handler; outer binding is lost too.
e = "outer value"
try:
    1 / 0
except ZeroDivisionError as e:
    print("inside", type(e).__name__)
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
def f():
    err = None
    try:
        raise KeyError("k")
    except KeyError as err:
        pass
    return "err" in locals()
print(f())
def keep():
    try:
        raise ValueError("kept")
    except ValueError as exc:
        saved = exc
    return saved
print(repr(keep()), keep().__traceback__ is not None)
