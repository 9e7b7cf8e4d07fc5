# bytearray exported to a memoryview can't be resized (+=, *=, del, slice assignment); += and *= work in place.
ba = bytearray(b'abcdef')
m = memoryview(ba)
def t(f):
    try: f(); print("ok", ba)
    except Exception as e: print(type(e).__name__, e)
def iadd():
    global ba
    ba += b'x'
def imul():
    global ba
    ba *= 2
def delit():
    del ba[0]
def setsl():
    ba[0:2] = b'xyz'
def delsl():
    del ba[::2]
for f in [iadd, imul, delit, setsl, delsl]: t(f)
print(ba, m.tobytes())
a = bytearray(b'ab'); b = a; a += b'cd'; print(a, b, a is b)
a *= 2; print(b, a is b); a *= 0; print(b)
c = bytearray(b'x'); c += memoryview(b'yz'); print(c)
