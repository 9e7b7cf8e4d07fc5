# unicodedata.ucd_3_2_0: Unicode 3.2.0 properties, names, lookup and normalization.
import unicodedata as u
o = u.ucd_3_2_0
out = []
for cp in list(range(0, 0x30000, 29)) + [0x221, 0x1F600, 0xF951, 0x2F868, 0x2F874, 0x2F91F, 0x2F95F, 0x2F9BF, 0x20A9, 0x0344]:
    c = chr(cp)
    out.append((cp, o.category(c), o.bidirectional(c), o.combining(c), o.mirrored(c), o.east_asian_width(c), o.decomposition(c), o.decimal(c, None), o.digit(c, None), o.numeric(c, None), o.name(c, None)))
s = repr(out)
print(len(out), len(s), sum(ord(ch) * (i % 97 + 1) for i, ch in enumerate(s)) % 1000000007)
texts = ["a\u0301\U0001F600\u0221", "\uF951\u2F868", "\u1100\u1161 ﬁ", "\u0344x"]
for form in ("NFC", "NFD", "NFKC", "NFKD"):
    print(form, [o.normalize(form, t) == u.normalize(form, t) for t in texts], [[hex(ord(x)) for x in o.normalize(form, t)] for t in texts])
for n in ["SNOWMAN", "GRINNING FACE", "BYTE ORDER MARK", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", "latin small letter a"]:
    try: print(repr(o.lookup(n)))
    except KeyError as e: print("KeyError", e)
