# BytesIO against CPython: read/readinto (memoryview targets), padding writes, __getstate__/__setstate__, copy, getbuffer views.
import io, copy, pickle
b = io.BytesIO(b'hello world')
print(b.read(5), b.tell(), b.read1(), b.read1(-1))
b.seek(0)
buf = bytearray(4); print(b.readinto(buf), buf)
mv = memoryview(bytearray(3)); print(b.readinto(mv), bytes(mv))
b.seek(20); b.write(b'!'); print(b.getvalue())
print(b.__getstate__()[1:])
c = copy.copy(b); print(c.getvalue() == b.getvalue(), c.tell())
print(io.BytesIO(memoryview(b'abc')).getvalue(), io.BytesIO(bytearray(b'x')).read())
b2 = io.BytesIO(); b2.write(memoryview(b'zz')); b2.writelines([b'a', bytearray(b'b')]); print(b2.getvalue())
class Sub(io.BytesIO): pass
s = Sub(b'abc'); m = s.getbuffer(); print(bytes(m), type(m).__name__); del m; s.write(b'x'); print(s.getvalue())
b3 = io.BytesIO(b'abc'); v = b3.getbuffer(); v2 = v[1:]; del v
try: b3.write(b'1')
except BufferError as e: print('BufferError', e)
del v2; b3.write(b'1'); print(b3.getvalue())
print(pickle.loads(pickle.dumps([1, 'two', 3.0, (4,)], protocol=5)))
with io.BytesIO(b'line1\nline2\n') as f: print(list(f), f.closed)
print(f.closed)
import io
b = io.BytesIO(b'abc')
for st in [1, (b'x',), (b'xy', 'a', None), (b'xy', -1, None), (b'xy', 1, 5), ('s', 1, None), (b'xyz', 2, None)]:
    try: b.__setstate__(st); print(b.getvalue(), b.tell())
    except Exception as e: print(type(e).__name__, e)
class S(io.BytesIO): pass
s = S(b'q'); s.attr = 5; st = s.__getstate__(); print(st)
t = S(); t.__setstate__(st); print(t.attr, t.getvalue())
