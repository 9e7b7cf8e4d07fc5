# TextIOWrapper differential fuzz against CPython: reads, lines, iteration, seeks, appends, tell (ASCII-compatible encodings).
import io, random
r = random.Random(9)
for i in range(80):
    nl = r.choice([None, '', '\n', '\r', '\r\n'])
    enc = r.choice(['utf-8', 'latin-1', 'ascii'])
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
# A UTF-16 BOM goes out only at the start of the stream.
import io
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='utf-16'); t.write('a'); t.flush(); t.seek(0, 2); t.write('b'); t.flush(); print(b.getvalue())
t.seek(0); t.write('c'); t.flush(); print(b.getvalue())
t.seek(2); t.write('d'); t.flush(); print(b.getvalue())
