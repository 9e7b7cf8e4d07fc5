# warnings through _warnings: filters from the warnings module, registries, once/module/default, warn_explicit, showwarning.
import warnings, sys

def f():
    warnings.warn("dup")
for i in range(3):
    f()
warnings.warn("top-level", UserWarning)
warnings.warn("dep in main", DeprecationWarning)
warnings.warn("pending", PendingDeprecationWarning)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("once msg")
        warnings.warn("once msg", RuntimeWarning)
    print(len(w), [str(x.message) for x in w])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("module")
    for i in range(3):
        f()
    print(len(w), w[0].filename.endswith(".py"), w[0].lineno)
with warnings.catch_warnings(record=True) as w:
    warnings.filterwarnings("error", message="boom")
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    try:
        warnings.warn("boom now")
    except UserWarning as e:
        print("raised", e, type(e).__name__)
    warnings.warn("quiet", RuntimeWarning)
    warnings.warn("heard")
    print([str(x.message) for x in w])
def g():
    warnings.warn("level2", stacklevel=2)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    g()
    print(w[0].lineno, w[0].category.__name__)
    warnings.warn_explicit("explicit", UserWarning, "somefile.py", 42)
    print(w[-1].filename, w[-1].lineno, str(w[-1].message))
    warnings.warn_explicit("explicit", UserWarning, "somefile.py", 42, module=None)
    print(len(w))
    reg = {}
    warnings.simplefilter("default")
    warnings.warn_explicit("r", UserWarning, "x.py", 1, registry=reg)
    warnings.warn_explicit("r", UserWarning, "x.py", 1, registry=reg)
    print(len(w), sorted(k for k in reg if k != "version"))
try:
    warnings.warn("x", 5)
except TypeError as e:
    print(e)
try:
    warnings.warn("x", int)
except TypeError as e:
    print(e)
warnings.showwarning = lambda *a: print("custom show", a[0], a[1].__name__, a[3])
warnings.warn("via custom")
print("__warningregistry__" in globals())
import _warnings
del warnings.showwarning
warnings.showwarning = lambda m, c, f, l, *a: print("shown", m, c.__name__, f.rsplit("/", 1)[-1][:12], l)
with warnings.catch_warnings():
    warnings.simplefilter("always")
    _warnings.warn("direct")
    _warnings.warn_explicit("expl2", RuntimeWarning, "mod.py", 7)
    try:
        _warnings.warn_explicit("bad", UserWarning, "mod.py", 7, registry=[])
    except TypeError as e:
        print(e)
    warnings.filters.insert(0, ("bogus", None, Warning, None, 0))
    try:
        _warnings.warn("x")
    except RuntimeError as e:
        print(str(e).splitlines()[0])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    c = compile("x = 1\ny = x is 1\n", "<cmp>", "exec")
    print([(str(x.message), x.category.__name__, x.filename, x.lineno) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        compile("x = 1\ny = x is 1\n", "<cmp>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.filename)
