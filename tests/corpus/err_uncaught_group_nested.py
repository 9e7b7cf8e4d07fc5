# An uncaught nested ExceptionGroup with a cause inside one member.
def inner():
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("bad value") from e
errs = []
try:
    inner()
except ValueError as e:
    errs.append(e)
errs.append(ExceptionGroup("inner group", [TypeError("t"), OSError(2, "gone")]))
print("raising group of", len(errs))
raise ExceptionGroup("outer", errs)
