# repr of strings with every kind of special character.
chars = ["\0", "\a", "\b", "\t", "\n", "\v", "\f", "\r", "\x1b", "\x7f", "\x80", "\x9f", "\xa0", "\xad",
         "\u200b", "\u2028", "\ufeff", "\ud800", "\U000e0001", "\U0001f600", "'", '"', "\\", "é", "\uffff"]
for c in chars:
    print(hex(ord(c)), repr(c), ascii(c), c.isprintable())
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\\n"))
