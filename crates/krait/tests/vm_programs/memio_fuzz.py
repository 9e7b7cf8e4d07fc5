# BytesIO/StringIO differential fuzz against CPython: random operation sequences.
import io, random
r = random.Random(7)
def run(f, kind):
    for step in range(40):
        op = r.randrange(9)
        try:
            if op == 0: res = f.write((b'ab\ncd\r' if kind == 'b' else 'ab\ncd\r')[:r.randrange(7)])
            elif op == 1: res = f.seek(r.randrange(-3, 15), r.choice([0, 0, 1, 2]) if kind == 'b' else 0)
            elif op == 2: res = f.read(r.randrange(-1, 5))
            elif op == 3: res = f.readline(r.randrange(-1, 5))
            elif op == 4: res = f.truncate(r.choice([None, r.randrange(0, 10)]))
            elif op == 5: res = f.tell()
            elif op == 6: res = f.getvalue()
            elif op == 7: res = f.readlines()
            else: res = (f.read1(3) if kind == 'b' else f.read())
            print(step, op, repr(res))
        except Exception as e:
            print(step, op, type(e).__name__, e)
for i in range(25):
    run(io.BytesIO(b'init\nial' if i % 2 else b''), 'b')
    run(io.StringIO('init\nial' if i % 2 else '', newline=r.choice([None, '', '\n'])), 's')
