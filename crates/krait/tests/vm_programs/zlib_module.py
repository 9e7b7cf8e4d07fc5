# zlib against CPython: one-shot and streaming round trips (zlib and raw formats), errors, gzip on top.
import zlib, gzip, random, io
print(zlib.compress(b'hello'), zlib.decompress(zlib.compress(b'hello')+b'junk'))
for f in [lambda: zlib.decompress(b'abc'), lambda: zlib.decompress(zlib.compress(b'hello'*100)[:-5]), lambda: zlib.decompress(b'x\x9c\xff\xff'), lambda: zlib.compress(b'a', 11), lambda: zlib.decompress(b'', -15), lambda: zlib.decompressobj(wbits=3), lambda: zlib.decompress(zlib.compress(b'hello')[:-1]),lambda: zlib.decompress(zlib.compress(b'hello')[:-4]+b'\0\0\0\0'), lambda: zlib.compress('s'), lambda: zlib.crc32(b'abc', 5), lambda: zlib.adler32(b'abc', 2**40+5), lambda: zlib.adler32(b'abc')]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
c = zlib.compressobj(); x = c.compress(b'abc'*100) + c.flush(); print(zlib.decompress(x) == b'abc'*100)
try: c.compress(b'x'); print('ok again')
except Exception as e: print(type(e).__name__, e)
d = zlib.decompressobj(); print(d.decompress(x + b'tail', 10), d.eof, d.unused_data); print(d.decompress(d.unconsumed_tail), d.eof, d.unused_data, d.flush())
print(zlib.MAX_WBITS, zlib.ZLIB_VERSION, zlib.error.__mro__)
import random
r = random.Random(1)
for n in [0, 1, 100, 5000, 70000, 300000]:
    data = bytes(r.randrange(4) for _ in range(n)) + bytes(r.randrange(256) for _ in range(n // 3))
    for lvl in (-1, 0, 1, 9):
        z = zlib.compress(data, lvl)
        assert zlib.decompress(z) == data
        co = zlib.compressobj(lvl, zlib.DEFLATED, -15)
        parts = [co.compress(data[i:i+1000]) for i in range(0, len(data), 1000)]
        parts.append(co.flush(zlib.Z_SYNC_FLUSH)); parts.append(co.compress(b'end')); parts.append(co.flush())
        raw = b''.join(parts)
        do = zlib.decompressobj(-15)
        out = b''
        for i in range(0, len(raw), 777):
            out += do.decompress(do.unconsumed_tail + raw[i:i+777], 5000)
        while do.unconsumed_tail:
            out += do.decompress(do.unconsumed_tail, 5000)
        out += do.flush()
        assert out == data + b'end', (n, lvl, len(out))
    print(n, 'ok', zlib.crc32(data), zlib.adler32(data))
import gzip, io
g = gzip.compress(b'gzip data ' * 50)
print(gzip.decompress(g)[:20], len(gzip.decompress(g)))
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode='wb') as f: f.write(b'line\n' * 100)
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f: print(f.read()[:10], len(buf.getvalue()) > 0)
r = random.Random(3)
for n in [0, 5, 1000, 100000]:
    data = bytes(r.randrange(3) for _ in range(n))
    for lvl in (-1, 1, 9):
        g = zlib.compress(data, lvl, wbits=31)
        print(n, lvl, g[:10], g[-8:] == zlib.crc32(data).to_bytes(4, 'little') + len(data).to_bytes(4, 'little'))
        assert zlib.decompress(g, 31) == data
        assert zlib.decompress(g, 47) == data
        assert gzip.decompress(g) == data
        assert zlib.decompress(zlib.compress(data), 47) == data
        d = zlib.decompressobj(wbits=47)
        out = b''.join(d.decompress(g[i:i+3]) for i in range(0, len(g), 3)) + d.flush()
        assert out == data and d.eof, n
        d = zlib.decompressobj(wbits=31); out = d.decompress(g + b'tail'); print(out == data, d.eof, d.unused_data)
        c = zlib.compressobj(lvl, zlib.DEFLATED, 31)
        g2 = c.compress(data[:n // 2]) + c.compress(data[n // 2:]) + c.flush()
        assert zlib.decompress(g2, 31) == data
        assert gzip.decompress(gzip.compress(data, lvl if lvl > 0 else 9)) == data
for bad in [b'\x1f\x8c' + b'\x00' * 20, gzip.compress(b'abc')[:-8] + b'\x00' * 8, gzip.compress(b'abc')[:-1]]:
    try: zlib.decompress(bad, 31)
    except zlib.error as e: print(e)
g = gzip.compress(b'named', mtime=0)
print(g[:10], zlib.decompress(g, 31))
b = io.BytesIO()
with gzip.GzipFile(filename='name.txt', fileobj=b, mode='wb', mtime=0) as f: f.write(b'payload' * 10)
raw = b.getvalue(); print(raw[:19])
print(zlib.decompress(raw, 31)[:14])
d = zlib.decompressobj(47)
print(b''.join(d.decompress(raw[i:i+1]) for i in range(len(raw)))[:7], d.eof)
import copy
z = zlib.compress(b'abcdef' * 100)
d = zlib.decompressobj(); a = d.decompress(z[:20]); e = d.copy(); f = copy.copy(d)
print(d.decompress(z[20:]) == e.decompress(z[20:]) == f.decompress(z[20:]), e.eof)
