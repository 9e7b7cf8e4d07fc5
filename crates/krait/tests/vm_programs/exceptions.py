def f():
    raise ValueError("bad value")

try:
    f()
except (TypeError, ValueError) as e:
    print("caught", type(e).__name__, e, e.args)

try:
    try:
        {}["k"]
    except KeyError as e:
        print("key", e, repr(e))
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, type(e.__cause__).__name__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        undefined_name
except NameError as e:
    print(e, type(e.__context__).__name__)

def fin():
    try:
        return "try"
    finally:
        print("finally runs")
print(fin())

class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code

try:
    raise MyError(42)
except Exception as e:
    print(e, e.code, isinstance(e, MyError))

class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return True

with CM() as cm:
    raise IndexError("suppressed")
print("after with")

try:
    assert 1 == 2, "math"
except AssertionError as e:
    print("assert", e)

for exc in [lambda: [][1], lambda: (1).x, lambda: int("z"), lambda: None + 1, lambda: len(5), lambda: [].pop()]:
    try:
        exc()
    except Exception as e:
        print(type(e).__name__ + ":", e)

def gen_raise():
    yield 1
    raise StopIteration
try:
    list(gen_raise())
except RuntimeError as e:
    print(e)
print(repr(ValueError("x", 2)), str(KeyError("k")), repr(Exception()))
