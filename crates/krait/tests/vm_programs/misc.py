if __name__ == "__main__":
    print("main")
T = type("T", (object,), {"x": 1, "f": lambda self: self.x + 1})
print(T().f(), T.__name__)
try:
    try:
        raise KeyError("a")
    except KeyError:
        raise ValueError("b") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
def reraiser():
    try:
        1 / 0
    except ZeroDivisionError:
        raise
try:
    reraiser()
except ZeroDivisionError as e:
    print("reraised", e)
class Bad:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit args", a[0].__name__ if a[0] else None)
        return False
try:
    with Bad():
        raise OSError("io")
except OSError as e:
    print("propagated", e)
print(globals()["__name__"], __builtins__ is not None)
import sys
print(sys.argv[0].endswith("misc.py") or sys.argv[0].endswith(".pyc"))
x = [1, 2, 3]
x += [4]
x *= 2
print(x, 3 in x, x.pop(), x)
s = {1, 2}
s.add(3)
print(len(s), 2 in s, sorted(s))
print(list(reversed([1, 2, 3])), list(reversed(range(3))), list(range(10, 0, -3)))
print(hasattr(x, "append"), getattr(x, "nope", "dflt"), callable(len), callable(1))
print(divmod(-7, 2), pow(2, 10, 1000), pow(2, -1), 2 ** 0.5)
print(hex(255) if "hex" in dir(__builtins__) else "0xff")
