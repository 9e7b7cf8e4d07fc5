# User-defined exception hierarchies, args, str/repr, attributes, add_note.
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
    def __str__(self):
        return "[%d] %s" % self.args
class NotFound(AppError): pass
try:
    raise NotFound(404, "missing")
except AppError as e:
    print(type(e).__name__, e, repr(e), e.code, e.args, isinstance(e, Exception))
class Plain(Exception): pass
print(repr(Plain()), str(Plain()), repr(Plain("a")), str(Plain("a")), str(Plain("a", "b")))
e = ValueError("with note")
e.add_note("first note")
e.add_note("second note")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as t:
    print("TypeError:", t)
class NoInit(Exception):
    def __init__(self):
        pass
print(repr(NoInit()), NoInit().args)
k = KeyError("quoted")
print(str(k), repr(k), str(KeyError()), str(KeyError(1, 2)))
print(OSError(2, "No such file").errno, OSError(2, "No such file").strerror, str(OSError(2, "x")))
print(type(OSError(2, "x")).__name__, type(OSError(13, "x")).__name__)
si = StopIteration(5)
print(si.value, SystemExit(3).code, SystemExit().code)
print(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"))
