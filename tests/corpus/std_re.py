# re: match/search/findall/finditer/sub/split, groups, named groups, flags.
import re
m = re.match(r"(?P<key>\w+)=(?P<val>\d+)", "width=640 height=480")
print(m.group(0), m.group("key"), m["val"], m.groups(), m.groupdict(), m.span(2), m.start(), m.end())
print(re.search(r"\d{3}", "ab 12 345 6789").group(), re.fullmatch(r"[a-z]+", "abc") is not None, re.fullmatch(r"[a-z]+", "abc1"))
print(re.findall(r"(\w)(\d)", "a1 b2 c3"), [m.span() for m in re.finditer(r"o", "foo boo")])
print(re.sub(r"\s+", " ", "a   b \t\n c"), re.subn(r"a", "A", "banana"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@host"))
print(re.split(r"[,;]\s*", "a, b;c,d"), re.split(r"(,)", "x,y"), re.split(r"\d", "a1b2c", maxsplit=1))
print(re.findall(r"^\w", "one\ntwo\nthree", re.M), re.findall(r"a.b", "a\nb", re.S), re.findall(r"HELLO", "hello", re.I))
p = re.compile(r"""
    (\d{4})   # year
    -(\d{2})  # month
""", re.X)
print(p.findall("2024-01 and 1999-12"), p.pattern.count("\n"), p.groups)
print(re.escape("a.b*c"), re.sub(r"(?<=a)b", "X", "abab"), re.findall(r"\bcat\b", "cat concat cat."))
print(re.match(r"(a)|(b)", "b").groups(), re.match(r"(a)?b", "b").group(1), re.sub("x*", "-", "abc"))
try:
    re.compile("(unclosed")
except re.error as e:
    print("re.error:", e)
print(re.findall(r"[\u00e0-\u00ff]+", "café naïve"), re.match(r"(?i)straße", "STRASSE"))
