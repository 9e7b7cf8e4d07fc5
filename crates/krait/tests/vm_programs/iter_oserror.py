it = iter([1, 2, 3])
print(it.__next__(), it.__length_hint__(), it.__iter__() is it)
f = iter([1, 2]).__next__
print(f(), f())
try: f()
except StopIteration: print("stop")
m = map(str, [1])
print(m.__next__())
e = OSError(2, 'No such file or directory', 'x')
print(type(e).__name__, e, e.errno, e.strerror, e.filename, e.args)
print(OSError(1, 'a', 'b', None, 'c'))
print(str(OSError('plain')), OSError(99, 'zz'), type(OSError(99, 'zz')).__name__)
print(issubclass(FileNotFoundError, OSError), IOError is OSError, issubclass(BrokenPipeError, ConnectionError))
try: raise FileNotFoundError(2, 'nope', 'f.txt')
except OSError as ex: print(repr(ex), ex)
print(UnicodeDecodeError.__mro__)
print(AttributeError("msg", name="nm", obj=1).name, NameError("m", name="n").name, ImportError("x", name="mod", path="/p").name)
print(AttributeError("m").name, ImportError("x").path, NameError("q").name)
class E(ImportError):
    def __init__(self, x, y=1):
        super().__init__(x)
        self.y = y
print(E(1, y=3).y, E(1).name)
class P(AttributeError):
    name = "classattr"
print(P().name)
print(SyntaxError("bad", ("f.py", 3, 5, "text", 3, 6)).lineno, SyntaxError("bad", ("f.py", 3, 5, "text")).text)
e = SyntaxError("bad", ("f.py", 3, 5, "text"))
print(e.msg, e.filename, e.offset, e.end_lineno, SyntaxError().msg)
def stop_in_map(x):
    raise StopIteration
print(list(map(stop_in_map, [1, 2])))
