# marshal: dumps/loads of constants, containers, code objects; FLAG_REF decisions; errors.
import marshal
for d in [b'', b'i\x01', b'z\x05ab', b'\x99', b'r\x00\x00\x00\x00', b'0', b'[\x01\x00\x00\x000', b'l\x01\x00\x00\x00\x00\x80', b'(\x01\x00\x00\x00']:
    try: print(marshal.loads(d))
    except Exception as e: print(type(e).__name__, e)
print(marshal.dumps('hello world').hex(), marshal.dumps('hello').hex(), marshal.dumps([1,'a',(2,)]).hex(), marshal.dumps({'k':[1]}).hex(), marshal.dumps({3,1,2}).hex(), marshal.dumps(-70000).hex(), marshal.dumps(1.5).hex(), marshal.dumps(1j).hex(), marshal.dumps(b'xy').hex(), marshal.dumps('é').hex(), marshal.dumps(StopIteration).hex(), marshal.dumps(bytearray(b'a')).hex())
x = 'abc def'; print(marshal.dumps(x).hex(), marshal.dumps([x, x]).hex(), marshal.dumps(1, 2).hex(), marshal.dumps('a', 3).hex(), marshal.dumps(1.5, 1).hex(), marshal.version)
l=[]; l.append(l)
print(marshal.dumps(l).hex())
l2 = marshal.loads(marshal.dumps(l)); print(l2, l2[0] is l2)
try: marshal.dumps(object())
except Exception as e: print(type(e).__name__, e)
print(marshal.loads(marshal.dumps(2**100)), marshal.loads(marshal.dumps(-2**70)), marshal.loads(marshal.dumps({1: {2: frozenset({'a'})}, 'x': [None, ..., True, 1.25, -3j]})))
class File:
    def __init__(self): self.data = b""; self.pos = 0
    def write(self, b): self.data += b
    def read(self, n=-1):
        end = len(self.data) if n < 0 else self.pos + n
        r = self.data[self.pos:end]; self.pos += len(r); return r
    def readinto(self, b):
        r = self.read(len(b)); b[:len(r)] = r; return len(r)
    def tell(self): return self.pos
    def seek(self, p): self.pos = p
f = File()
marshal.dump([1, 2], f); marshal.dump('two', f); f.seek(0)
print(marshal.load(f), marshal.load(f))
# marshal round trips of code objects and constants.
def f(a, b=2):
    return [a, b, "s", 1.5, None, (1, 2), frozenset({3})]
data = marshal.dumps(f.__code__)
co = marshal.loads(data)
print(type(co).__name__, co.co_name, co.co_varnames, co == f.__code__)
for v in (0, -1, 2**100, 1.5, 1j, "str", b"bytes", (1, "a"), [1, 2], {"k": [1]}, {1, 2}, frozenset(), None, True, ...):
    print(repr(marshal.loads(marshal.dumps(v))))
print(marshal.dumps(1).hex(), marshal.dumps("a").hex(), marshal.dumps((None, True)).hex())
try:
    marshal.dumps(object())
except ValueError as e:
    print("ValueError:", e)
def h(x, *a, k=3, **kw):
    y = [i * 2 for i in a if i]
    return x, y, k, kw, {1, 2} | {3}, b"b", 1e100, -5j
co = marshal.loads(marshal.dumps(h.__code__))
print(co.co_name, co.co_varnames, co.co_consts == h.__code__.co_consts, co == h.__code__)
print(eval(marshal.loads(marshal.dumps(compile("sum(range(5)) + len('ab')", "<s>", "eval")))))
