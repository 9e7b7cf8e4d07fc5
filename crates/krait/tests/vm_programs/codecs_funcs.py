# _codecs: the codec functions encodings/*.py call, error handlers and
# Unicode errors (compared with python3).
import _codecs as c

print(c.utf_8_encode("héllo"), c.utf_8_decode(b"h\xc3\xa9", None, False), c.utf_8_decode(b"h\xc3", None, False))
print(c.latin_1_encode("é"), c.latin_1_decode(b"\xe9"), c.ascii_decode(b"abc"))
print(c.utf_16_encode("hé"), c.utf_16_decode(b"\xff\xfeh\x00i\x00", None, True))
print(c.utf_16_le_encode("\U0001f40d"), c.utf_16_be_decode(b"\x00h\x00i"))
print(c.utf_16_ex_decode(b"\xfe\xff\x00h", None, 0, True))
print(c.utf_32_encode("x"), c.utf_32_le_decode(b"x\x00\x00\x00"), c.utf_32_be_encode("x"))
print(c.escape_decode(b"a\\n\\x41\\101"), c.escape_encode(b"a\n\x00'"))
print(c.unicode_escape_encode("a\tb\u1234\xe9\U0001f40d"))
print(c.unicode_escape_decode(b"a\\tb\\u1234\\xe9\\N{BULLET}"))
print(c.raw_unicode_escape_encode("a\xe9\u1234"), c.raw_unicode_escape_decode(b"a\\u1234\\n"))
table = "".join(chr(i) for i in range(128)) + "\u20ac" + "\ufffe" * 127
print(c.charmap_decode(b"a\x80", "strict", table), c.charmap_decode(b"\x81", "replace", table))
m = c.charmap_build(table)
print(c.charmap_encode("a\u20ac", "strict", m), c.charmap_encode("\u1234", "replace", m))
for name in ("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogateescape", "surrogatepass"):
    print(name, callable(c.lookup_error(name)))
try:
    c.lookup_error("nope")
except LookupError as e:
    print(e)
print("é".encode("ascii", "xmlcharrefreplace"), "é".encode("ascii", "backslashreplace"), "é".encode("ascii", "replace"))
for bad in (lambda: b"\xff".decode("utf-8"), lambda: "é".encode("ascii"), lambda: c.charmap_decode(b"\x81", "strict", table),
            lambda: c.utf_16_le_decode(b"\x00\xdc", None, True)):
    try:
        bad()
    except UnicodeError as e:
        print(type(e).__name__, e)
