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
