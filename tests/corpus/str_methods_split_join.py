# split, rsplit, splitlines, join, strip family.
print("a,b,,c".split(","), "a b  c ".split(), "  lead".split(" "), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("".split(), "".split(","), "   ".split(), "a\tb\nc\x0bd".split())
print("one\ntwo\r\nthree\rfour\x1cfive\u2028six".splitlines(), "x\ny\n".splitlines(True))
print("-".join("abc"), ", ".join(["x", "y"]), "".join([]), " ".join(map(str, range(4))))
try:
    "a b".split("")
except ValueError as e:
    print("ValueError:", e)
print(repr("  xx  ".strip()), repr("  xx  ".lstrip()), repr("  xx  ".rstrip()), "xxhixx".strip("x"), "abcba".strip("ab"))
print("www.example.com".lstrip("w."), "file.txt.bak".rstrip(".kab"))
print("a1b2c3".translate(str.maketrans("abc", "xyz", "123")), str.maketrans({"a": "1"}))
print("tab\tsep\tx".expandtabs(), "tab\tsep".expandtabs(4), "12".zfill(5), "-12".zfill(5), "+1".zfill(4))
print("hi".center(7, "*"), "hi".ljust(5, "."), "hi".rjust(5), "hi".center(1))
