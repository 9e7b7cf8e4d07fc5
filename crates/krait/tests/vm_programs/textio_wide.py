# TextIOWrapper over UTF-16/UTF-32 against CPython: line splitting on code units, BOM byte order, read(n) with tell, and a fuzz pass.
import io, random
text = 'ab\r\ncd\ré\nf\U0001F600g\n' * 3
for enc in ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-be', 'utf_16']:
    for nl in [None, '', '\n', '\r', '\r\n']:
        data = text.encode(enc)
        t = io.TextIOWrapper(io.BytesIO(data), encoding=enc, newline=nl)
        print(enc, repr(nl), list(t))
        t = io.TextIOWrapper(io.BytesIO(data), encoding=enc, newline=nl)
        print(repr(t.readline()), repr(t.read(3)), repr(t.readline()), repr(t.read()))
        t = io.TextIOWrapper(io.BytesIO(data), encoding=enc, newline=nl)
        print(repr(t.read(5)), repr(t.readlines()[:2]))
be = io.BytesIO(b'\xfe\xff' + 'x\ny\n'.encode('utf-16-be'))
print(list(io.TextIOWrapper(be, encoding='utf-16')))
b = io.BytesIO(); w = io.TextIOWrapper(b, encoding='utf-16', newline='\n'); w.write('l1\nl2\n'); w.flush(); w.seek(0); print(list(w))
r = random.Random(7)
for i in range(80):
    nl = r.choice([None, '', '\n', '\r', '\r\n'])
    enc = r.choice(['utf-8', 'latin-1', 'utf-16', 'utf-32-le'])
    raw = io.BytesIO(('ab\r\ncd\ré\nf' * 2).encode(enc, 'replace'))
    t = io.TextIOWrapper(raw, encoding=enc, newline=nl)
    print(i, repr(nl), enc)
    for step in range(12):
        op = r.randrange(7)
        try:
            if op == 0: res = t.read(r.randrange(-1, 6))
            elif op == 1: res = t.readline()
            elif op == 2: res = t.seek(0)
            elif op == 3: res = t.readlines()
            elif op == 4: res = (t.seek(0, 2), t.write('x\ny\r'), t.flush(), raw.getvalue())
            elif op == 6: res = t.tell()
            elif op == 7: res = t.seek(t.tell())
            else: res = next(t)
            print(' ', op, repr(res))
        except Exception as e:
            print(' ', op, type(e).__name__, e)
