# Unicode: code points, normalisation, surrogates, encodings round-trips.
import unicodedata
s = "Å\u030aé\u0301"
for form in ("NFC", "NFD", "NFKC", "NFKD"):
    n = unicodedata.normalize(form, s)
    print(form, len(n), [hex(ord(c)) for c in n])
print(unicodedata.name("é"), unicodedata.category("1"), unicodedata.lookup("SNOWMAN"), unicodedata.numeric("½"))
lone = "\udc80"
print(len(lone), repr(lone), lone.encode("utf-8", "surrogateescape"), b"\xff".decode("utf-8", "surrogateescape") == "\udcff")
try:
    lone.encode("utf-8")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e.reason, e.start, e.end)
text = "Grüße 😀 ünïcode"
for enc in ("utf-8", "utf-16", "utf-32-be", "latin-1", "cp1252"):
    try:
        b = text.encode(enc)
        print(enc, len(b), b.decode(enc) == text)
    except UnicodeEncodeError as e:
        print(enc, "cannot encode", e.object[e.start:e.end])
print("😀".encode("utf-16-be").hex(), "\U0010FFFF".encode().hex(), len(b"\xf0\x9f\x98\x80".decode()))
print(b"\xe2\x82".decode("utf-8", "replace"), b"a\x80b".decode("utf-8", "ignore"), b"\x80".decode("latin-1"))
print(sorted(["b", "A", "a", "é", "B", "Z"]), sorted(["b", "A", "a", "é"], key=str.casefold))
