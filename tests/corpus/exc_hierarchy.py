# The builtin exception hierarchy: catching by base class.
def show(cls):
    return [c.__name__ for c in cls.__mro__]
for cls in (ZeroDivisionError, KeyError, IndexError, FileNotFoundError, UnicodeDecodeError,
            RecursionError, NotImplementedError, ModuleNotFoundError, StopAsyncIteration,
            KeyboardInterrupt, GeneratorExit, SystemExit, TimeoutError, BrokenPipeError):
    print(show(cls))
try:
    {}["x"]
except LookupError as e:
    print("LookupError caught", type(e).__name__)
try:
    1 / 0
except ArithmeticError as e:
    print("ArithmeticError caught", type(e).__name__)
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
print(EnvironmentError is OSError, IOError is OSError)
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print("TypeError:", e)
