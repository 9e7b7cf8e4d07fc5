# Building strings: join vs concatenation, repeated += in a loop, io.StringIO.
import io
parts = []
for i in range(1000):
    parts.append(str(i % 10))
s1 = "".join(parts)
s2 = ""
for p in parts:
    s2 += p
print(len(s1), s1 == s2, s1[:20], s1[-5:])
buf = io.StringIO()
for i in range(5):
    buf.write("line %d\n" % i)
print(buf.getvalue().count("\n"), repr(buf.getvalue()[:14]))
buf.seek(0)
print(buf.readline(), end="")
print(buf.read(4), buf.tell())
sb = io.StringIO("a\nb\nc")
print(list(sb), sb.read())
print(("x" * 10000).count("xx"), len("ab" * 5000), ("ab" * 3).find("ba"))
