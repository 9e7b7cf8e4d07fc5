# String literal forms: escapes, raw, concatenation, triple quotes, bytes.
print("tab\there", 'quote\'s', "back\\slash", "\x41\u00e9\U0001F600\N{GREEK SMALL LETTER ALPHA}")
print(r"raw\n\t", R'raw2\'', rb"\d+", Rb"x")
print("adj" "acent" 'strings')
s = """multi
line
  text"""
print(s.splitlines(), len(s))
print(b"bytes\x00\xff", b"\101", "\101\0")
print(ascii("é😀"), repr("é😀\n\x00"), repr('"'), repr("'"), repr("'\""))
print("\
continued")
print(len("\N{EM DASH}"), ord("\N{EM DASH}"), "\u2014" == "\N{EM DASH}")
print(u"unicode prefix", type(u""))
