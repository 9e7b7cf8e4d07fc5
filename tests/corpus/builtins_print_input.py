# print() arguments: sep, end, file, flush; printing various objects.
import sys, io
print(1, "a", None, [1], sep=" | ", end=" <end>\n")
print("no newline", end="")
print(" continued")
print()
print(*"abc", sep="")
buf = io.StringIO()
print("to buffer", 42, file=buf, flush=True)
print(repr(buf.getvalue()))
print("to stderr", file=sys.stderr)
print(None, sep=None, end=None)
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
class S:
    def __str__(self): return "str of S"
print(S(), [S()][0], f"{S()}")
sys.stdout.write("direct write\n")
print("unicode ✓ ünï", "\t tab")
