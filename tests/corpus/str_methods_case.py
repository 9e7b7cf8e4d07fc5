# String case and classification methods.
samples = ["hello World", "ÀÉÎ straße", "ǅungla", "123", "٣٤", "½", "  ", "", "MiXeD_case-42", "ﬁ"]
for s in samples:
    print(repr(s), s.upper(), s.lower(), s.casefold(), s.title(), s.capitalize(), s.swapcase())
    print("  ", s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(),
          s.islower(), s.isupper(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
print("ß".upper(), "İ".lower(), len("İ".lower()), "ﬃ".upper())
