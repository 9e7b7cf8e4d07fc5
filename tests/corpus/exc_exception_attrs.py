# Exception attributes: args mutation, with_traceback, __str__ of special exceptions, errno mapping.
e = ValueError("a", 2)
e.args = ("changed",)
print(e, repr(e))
print(str(KeyError("k")), str(KeyError("k", "j")), str(IndexError()), repr(StopIteration()))
print(AttributeError("msg", name="nm", obj=1).name, NameError("m", name="n").name, ImportError("x", name="mod", path="/p").name)
print(SyntaxError("bad", ("f.py", 3, 5, "text", 3, 6)).lineno, SyntaxError("bad", ("f.py", 3, 5, "text")).text)
for errno_value in (2, 13, 17, 20, 21, 32, 111):
    print(errno_value, type(OSError(errno_value, "msg")).__name__)
o = OSError(2, "No such file", "name.txt")
print(o.errno, o.strerror, o.filename, str(o))
u = UnicodeEncodeError("ascii", "aé", 1, 2, "ordinal not in range")
print(u.encoding, u.object, u.start, u.end, u.reason, str(u))
class WithState(Exception):
    def __init__(self, x):
        self.x = x
        super().__init__("state %d" % x)
print(WithState(4).x, str(WithState(4)), WithState(4).args)
import pickle
print(repr(pickle.loads(pickle.dumps(KeyError("pk")))))
