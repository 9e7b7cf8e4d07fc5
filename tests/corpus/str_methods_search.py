# Searching: find/rfind/index/count/startswith/endswith/in, with bounds.
s = "abracadabra"
print(s.find("bra"), s.rfind("bra"), s.find("bra", 2), s.find("bra", 2, 8), s.find("zz"), s.find(""))
print(s.index("cad"), s.rindex("a"), s.count("a"), s.count("abra"), s.count(""), s.count("a", 5))
print(s.startswith("abr"), s.startswith(("x", "ab")), s.endswith("bra", 0, 4), s.endswith(("ra",)))
print("cad" in s, "" in s, "dac" not in s, s.find("a", -3), s.rfind("a", 0, -1))
try:
    s.index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    s.startswith(["a"])
except TypeError as e:
    print("TypeError:", e)
print("aaaa".replace("a", "b", 2), "aaaa".replace("aa", "c"), "abc".replace("", "-"), s.replace("a", ""))
print("a-b_c d".partition("_"), "a-b_c d".rpartition("-"), "abc".partition("x"), "abc".rpartition("x"))
print("hello".removeprefix("he"), "hello".removesuffix("lo"), "hello".removeprefix("x"))
