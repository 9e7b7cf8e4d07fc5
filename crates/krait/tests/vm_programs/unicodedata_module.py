# unicodedata (Unicode 14.0.0): properties, names and lookup, normalization, errors.
import unicodedata as u
out = []
cps = list(range(0, 0x3134F, 41)) + [0xAC00, 0xD7A3, 0x3400, 0x4DBF, 0x20000, 0x2A6DF, 0xF900, 0x18B00, 0x1B170, 0xE0100, 0x10FFFF, 0xBD, 0x2155, 0x0F33, 0x1F600]
for cp in cps:
    c = chr(cp)
    out.append((cp, u.category(c), u.bidirectional(c), u.combining(c), u.mirrored(c), u.east_asian_width(c), u.decomposition(c), u.decimal(c, None), u.digit(c, None), u.numeric(c, None), u.name(c, None)))
bad = 0
import sys
for t in out:
    n = t[-1]
    if n is not None and u.lookup(n) != chr(t[0]):
        bad += 1
print(len(out), bad)
s = repr(out)
print(len(s), sum(ord(ch) * (i % 97 + 1) for i, ch in enumerate(s)) % 1000000007)
texts = ["Å\u030aé\u0301", "ﬁ ﬃ ½ ㎒ Ⅻ", "\u1100\u1161\u11a8 가각", "a\u0328\u0301\u0323 q\u0307\u0323", "\u0344 \u0958 \u2126 \u212b", "ḍ̇ ṩ ǅ", "\U0001D400 \uFB2C x\u05B4\u05B7"]
for form in ("NFC", "NFD", "NFKC", "NFKD"):
    print(form, [[hex(ord(c)) for c in u.normalize(form, t)] for t in texts], [u.is_normalized(form, t) for t in texts])
print(u.lookup("snowman"), u.lookup("LATIN SMALL LETTER A"), u.lookup("BYTE ORDER MARK") == "\ufeff", u.lookup("HANGUL SYLLABLE GAG"), u.lookup("CJK UNIFIED IDEOGRAPH-4E00"))
for bad in [lambda: u.lookup("NOPE"), lambda: u.name("\x00"), lambda: u.decimal("a"), lambda: u.digit("a"), lambda: u.numeric("a"), lambda: u.category("ab"), lambda: u.category(1), lambda: u.normalize("X", "a"), lambda: u.normalize("NFC", 1), lambda: u.lookup("x" * 300)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(u.unidata_version, u.ucd_3_2_0.unidata_version, u.ucd_3_2_0.category("A"), type(u.ucd_3_2_0).__name__, u.name("a", "d"), u.decimal("a", 7))
import unicodedata
print(unicodedata.lookup("LATIN CAPITAL LETTER A WITH MACRON AND GRAVE") == "\u0100\u0300", unicodedata.lookup("latin capital letter a with macron and grave") == "\u0100\u0300", len(unicodedata.lookup("KEYCAP NUMBER SIGN")))
