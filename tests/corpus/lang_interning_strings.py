# String building and comparisons that must not rely on identity.
a = "hello"
b = "hel" + "lo"
c = "".join(["hel", "lo"])
print(a == b == c, len({a, b, c}), hash(a) == hash(c))
words = ["x" * i for i in range(5)]
print(words, [w == "x" * len(w) for w in words])
s = "ab" * 3
print(s, s.count("ab"), s[::2], sorted(set(s)))
print("%s-%s" % (a, b), "{}{}".format(a, c), a + c)
