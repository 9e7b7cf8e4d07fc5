# StringIO newline modes against CPython: translation on write, line splitting, errors.
import io
for nl in [None, '', '\n', '\r', '\r\n']:
    s = io.StringIO('a\rb\r\nc\nd', newline=nl); print(repr(nl), repr(s.getvalue()), list(s))
    s = io.StringIO(newline=nl); print(s.write('x\r'), s.write('\ny\n')); print(repr(s.getvalue()), s.tell())
    s.seek(0); print(repr(s.readline()), repr(s.readline(1)), s.readlines())
for bad in [1, 'x']:
    try: io.StringIO(newline=bad)
    except Exception as e: print(type(e).__name__, e)
