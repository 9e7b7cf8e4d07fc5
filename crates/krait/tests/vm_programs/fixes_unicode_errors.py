# Unicode errors raised by codecs carry encoding, object, start, end, reason.
import codecs
cases = [(b'\xe2\x82A','utf-8'), (b'\xe2\x82','utf-8'), (b'ab\xff','ascii'), (b'\xff\xfe\x00','utf-16'), (b'\x00\xd8','utf-16-le'), (b'\x81', 'cp1252'), (b'\\x1', 'unicode_escape'), (b'\xff', 'utf-8')]
for b, enc in cases:
    try:
        b.decode(enc)
    except UnicodeDecodeError as e:
        print(enc, e, e.encoding, e.object, e.start, e.end, e.reason, e.args)
for s, enc in [('aéé','ascii'), ('a\udc80\udc81','utf-8'), ('x\u1234', 'latin-1'), ('\udc80', 'utf-16'), ('\u20ac\u0081', 'cp1252'), ('ab\udc80', 'utf-32')]:
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print(enc, e, e.encoding, ascii(e.object), e.start, e.end, e.reason)
try:
    codecs.escape_decode(b'ab\\x1')
except ValueError as e:
    print(e)
try:
    codecs.escape_decode(b'ab\\')
except ValueError as e:
    print(e)
import io
t = io.TextIOWrapper(io.BytesIO(b'ok\xff\xfe'), encoding='utf-8')
try:
    t.read()
except UnicodeDecodeError as e:
    print(e, e.start, e.end, e.object)
t = io.TextIOWrapper(io.BytesIO(), encoding='ascii')
try:
    t.write('h\xe9'); t.flush()
except UnicodeEncodeError as e:
    print(e, e.start, e.end, e.object)
print('a\udc80'.encode('utf-8', 'surrogateescape'), b'a\xff'.decode('ascii', 'surrogateescape'))
import codecs
print(codecs.utf_16_decode(b'\xff\xfe\x00', 'strict', False))
try: print(codecs.utf_16_decode(b'\xff\xfe\x00', 'strict', True))
except Exception as e: print(e)
try: print(b'\xff\xfe\x00'.decode('utf-16'))
except Exception as e: print(e)
try: print(codecs.decode(b'\xff\xfe\x00', 'utf-16'))
except Exception as e: print(e)
import marshal
for data in [b'u\x02\x00\x00\x00a\xff', b'u\x03\x00\x00\x00\xe2\x82A']:
    try:
        marshal.loads(data)
    except UnicodeDecodeError as e:
        print(e, e.start, e.end)
print(marshal.loads(b'u\x03\x00\x00\x00\xed\xa0\x80') == '\ud800')
