# String operators, indexing, iteration, comparison, immutability, repr.
s = "héllo wörld"
print(len(s), s[0], s[-1], s[1:4], s[::-1], s * 2, s + "!", "ö" in s)
print([c for c in "abc"], list(reversed("abc")), sorted("hello"), min("hello"), max("hello"))
print("abc" < "abd", "Z" < "a", "" < "a", "abc" == "abc", "a" * 0, "a" * -1)
try:
    s[0] = "H"
except TypeError as e:
    print("TypeError:", e)
try:
    s[100]
except IndexError as e:
    print("IndexError:", e)
print(ord("€"), chr(8364), chr(0x1F40D), ascii(chr(0x1F40D)), len(chr(0x1F40D)))
print(str(1), str(1.5), str([1, "a"]), str(b"x"), str(None), str(), repr("a'b\"c"))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"abc", encoding="ascii"), str(b"\xff", "utf-8", "replace"))
print("%s" % "x", "a" "b", "abc".encode(), "€".encode("utf-8"), "€".encode("utf-16-le"))
print(hash("abc") == hash("ab" + "c"), "abc".__hash__() == hash("abc"))
print("a\u0300" == "à", len("a\u0300"), "ÿ".encode("latin-1"), "x".encode("ascii", "strict"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print("é".encode("ascii", "replace"), "é".encode("ascii", "ignore"), "é".encode("ascii", "xmlcharrefreplace"), "é".encode("ascii", "backslashreplace"))
