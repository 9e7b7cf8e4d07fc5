# io classes subclassed with their own __init__ calling super().__init__(...), against CPython.
import io
class R(io.BufferedReader):
    def __init__(self, data):
        super().__init__(io.BytesIO(data), 4)
r = R(b'hello world'); print(r.read(5), r.peek(1)[:1], r.read())
class W(io.BufferedWriter):
    pass
b = io.BytesIO(); w = W(b); w.write(b'abc'); w.flush(); print(b.getvalue())
class U(io.BufferedReader):
    def __init__(self):
        pass
u = U()
try: u.read()
except ValueError as e: print('ValueError', e)
try: io.BufferedReader()
except TypeError as e: print('TypeError', e)
x = io.BufferedReader(io.BytesIO(b'abc')); x.__init__(io.BytesIO(b'xyz')); print(x.read())
try: io.BufferedReader(io.BytesIO(b''), 0)
except ValueError as e: print('ValueError', e)
class T(io.TextIOWrapper):
    def __init__(self, data):
        super().__init__(io.BytesIO(data), encoding='utf-8', newline='')
t = T('héllo\r\nworld'.encode()); print(repr(t.read()), t.encoding)
class S(io.StringIO):
    def __init__(self, v):
        super().__init__(v + '!')
print(S('abc').getvalue())
class B(io.BytesIO):
    def __init__(self, v):
        super().__init__(v * 2)
print(B(b'ab').getvalue())
class U2(io.TextIOWrapper):
    def __init__(self):
        pass
print(type(U2()).__name__)
w = io.TextIOWrapper(io.BytesIO(b'abc'), encoding='ascii'); w.__init__(io.BytesIO('é'.encode('latin-1')), encoding='latin-1'); print(w.read(), w.encoding)
s = io.StringIO('x'); s.read(); s.__init__('yz'); print(s.read(), s.tell())
b = io.BytesIO(b'x'); b.read(); b.__init__(b'yz'); print(b.read(), b.tell())
m = b.getbuffer()
try: b.__init__(b'q')
except BufferError as e: print('BufferError', e)
import os, tempfile
path = os.path.join(tempfile.gettempdir(), 'krait_fsub_%d.txt' % os.getpid())
class F(io.FileIO):
    def __init__(self, p):
        super().__init__(p, 'w')
f = F(path); print(f.mode, f.name == path, f.closefd); f.write(b'xy'); f.close(); print(open(path).read())
g = io.FileIO(path); g.__init__(path, 'a'); g.write(b'z'); g.close(); print(open(path).read())
class G(io.FileIO):
    def __init__(self):
        pass
print(G().closed)
os.remove(path)
