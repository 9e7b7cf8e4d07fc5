# _io: open() in text and binary modes, the buffered and raw layers,
# BytesIO/StringIO, seek/tell, newline handling (compared with python3).
import io, os, sys

p = "/tmp/_krait_io_files.txt"
with open(p, "w") as f:
    print(f)
    f.write("line1\nline2\r\nline3")
    print(f.tell())
with open(p) as f:
    print(repr(f.readline()), f.tell(), repr(f.read(3)), f.tell(), f.readlines())
with open(p, newline="") as f:
    print(list(f))
with open(p, newline="\r\n") as f:
    print(f.readlines())
with open(p) as f:
    print(repr(f.read()))
    f.seek(0)
    print(repr(f.read(8)), f.tell())
    f.seek(f.tell())
    print(repr(f.readline(2)), repr(f.readline()))
with open(p, "rb") as f:
    print(f, f.read(4), f.peek(2)[:2], f.readline(), f.tell(), list(f))
    print(f.seek(-3, 2), f.read(), f.seek(0), f.read1(3), f.raw)
with open(p, "ab") as f:
    print(f.write(b"\nmore"), f.tell())
with open(p, "r+b") as f:
    f.seek(2)
    f.write(b"XX")
    f.seek(0)
    print(f.read())
    f.truncate(5)
with open(p, "rb", buffering=0) as f:
    print(f, f.read(), f.readall())
with open(p, "a+") as f:
    f.write("Z\n")
    f.seek(0)
    print(repr(f.read()))
with open(p, "w", newline="\r\n") as f:
    f.write("a\nb\n")
print(open(p, "rb").read())
with open(p, "w", encoding="latin-1") as f:
    f.write("é")
print(open(p, "rb").read(), open(p, encoding="latin-1").read())
b = io.BytesIO(b"abc\ndef")
print(b.readline(), b.read(), b.getvalue(), b.tell(), b.seek(1), b.read(1))
b.seek(10)
b.write(b"!")
print(b.getvalue(), list(io.BytesIO(b"1\n2\n")))
s = io.StringIO("x\ny")
print(list(s))
print(io.UnsupportedOperation.__mro__)
for bad in (lambda: open(p).write("x"), lambda: open(p, "w").read()):
    try:
        bad()
    except io.UnsupportedOperation as e:
        print("unsupported", e)
for args in (("/nonexistent/x",), (p, "rw"), (p, "rbt"), (p, "b")):
    try:
        open(*args)
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)
try:
    open(p, "rb", encoding="utf-8")
except ValueError as e:
    print(e)
r = io.FileIO(p)
print(r, r.read(), r.mode, r.readable(), r.writable())
r.close()
print(r, r.closed)
w = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
w.write("héllo\r\n")
w.flush()
print(w.buffer.getvalue(), w.encoding, w.errors, w.line_buffering)
t = io.TextIOWrapper(io.BytesIO(b"one\ntwo\n"), encoding="ascii")
print(t.readline(), t.read(), t.read())
d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r", final=True)), d.newlines)
sys.stdout.write("via sys.stdout\n")
sys.stdout.buffer.write(b"via buffer\n")
print("then print", sys.stdout.encoding, sys.stderr.errors, sys.stdout.fileno())
print(sys.stdout.writable(), sys.stdin.readable(), sys.stdout.name, sys.stdin.mode)
os.unlink(p)
