# __exit__ that raises replaces the body's exception and chains it as __context__.
class Raising:
    def __enter__(self): return self
    def __exit__(self, *exc):
        raise RuntimeError("from exit")
try:
    with Raising():
        raise ValueError("body")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
class Truthy:
    def __enter__(self): return self
    def __exit__(self, *exc):
        return "yes"
with Truthy():
    1 / 0
print("suppressed by truthy return")
import contextlib
@contextlib.contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name
    except ZeroDivisionError:
        print("handled in generator")
    finally:
        print("</%s>" % name)
with tag("b") as t:
    print("inside", t)
with tag("i"):
    1 / 0
with contextlib.suppress(KeyError):
    {}["x"]
print("done")
with contextlib.ExitStack() as st:
    for n in "xyz":
        st.enter_context(tag(n))
    st.callback(print, "callback")
