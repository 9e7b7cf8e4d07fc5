# memoryview over bytes/bytearray: cast, indexing, slicing, assignment, release, exports, ==, hash.
m=memoryview(bytearray(b'abcdefgh'))
for f in ['e','x','<i','@i','2i','P','?','c','n','f','d']:
    try: print(f, m.cast(f).tolist())
    except Exception as e: print(f, type(e).__name__, e)
try: m[0]='a'
except Exception as e: print(type(e).__name__, e)
try: m[0]=256
except Exception as e: print(type(e).__name__, e)
try: m[0:2]=b'abc'
except Exception as e: print(type(e).__name__, e)
try: hash(m)
except Exception as e: print(type(e).__name__, e)
try: hash(memoryview(b'ab').cast('h'))
except Exception as e: print(type(e).__name__, e)
print(hash(memoryview(b'ab'))==hash(b'ab'))
i=m.cast('i')
try: i.cast('h')
except Exception as e: print(type(e).__name__, e)
try: m.cast('i', (3,))
except Exception as e: print(type(e).__name__, e)
x=m.cast('B',(2,4)); print(x.tolist(), x.shape, x.strides, len(x))
try: x[0]
except Exception as e: print(type(e).__name__, e)
print(x[1,2])
print(m[::2].tolist(), m[::-1].tobytes(), m[::2].strides, m[::2].c_contiguous, m[::2].contiguous)
try: m[::2].cast('h')
except Exception as e: print(type(e).__name__, e)
m.release(); 
try: m[0]
except Exception as e: print(type(e).__name__, e)
print(repr(m)[:18])
try: memoryview('s')
except Exception as e: print(type(e).__name__, e)
print(memoryview(b'ab')==b'ab', memoryview(b'ab').cast('b')==memoryview(b'ab'), memoryview(b'\xff').cast('b')==memoryview(b'\xff'))
mm=memoryview(b'abc'); print(mm.hex(), mm.hex(':'), mm[1], mm[-1], mm.readonly, mm.format, mm.itemsize, mm.nbytes, mm.ndim, mm.shape, mm.strides, mm.suboffsets, mm.obj)
try: mm[5]
except Exception as e: print(type(e).__name__, e)
try: mm['a']
except Exception as e: print(type(e).__name__, e)
try: mm[0]=1
except Exception as e: print(type(e).__name__, e)
ba=bytearray(b'xyz'); v=memoryview(ba)
try: ba.append(1)
except Exception as e: print(type(e).__name__, e)
v[0]=65; print(ba); v.release(); ba.append(66); print(ba)
with memoryview(ba) as q: print(q.tolist())
print(repr(q)[:15])
print(list(memoryview(b'ab')), memoryview(b'a\x00\x00\x00b\x00\x00\x00').cast('i').tolist(), memoryview(b'abcd').cast('c').tolist(),memoryview(b'ab').toreadonly().readonly)
v = memoryview(ba); v2 = v[1:]; v.release()
try: ba.append(1)
except Exception as e: print(type(e).__name__, e)
v2[0:2] = b'QR'; print(ba, bytes(v2), bytearray(v2), b'-'.join([v2, b'x']))
print(memoryview(b'abc').count if hasattr(memoryview, 'count') else 'nocount', memoryview(b'ab') == memoryview(b'ab'), memoryview(b'ab') != b'ac')
