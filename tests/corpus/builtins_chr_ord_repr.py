# chr, ord, repr, ascii, format, str on many values.
print([chr(c) for c in (65, 97, 48, 0x3b1, 0x1F600)], [ord(c) for c in "Aa0α😀"])
for bad in (lambda: chr(0x110000), lambda: ord(""), lambda: ord("ab"), lambda: chr("a")):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
vals = [1, 1.0, "s", b"b", None, True, [1], (1,), {1: 2}, {1}, frozenset(), 1j, range(3), slice(1, 2), type, int, print, ...]
for v in vals:
    print(repr(v), ascii(v), format(v, "") if not isinstance(v, (type,)) else "-")
print(repr(object)[:15], repr(len), repr(str.upper)[:30], repr([].append)[:27])
