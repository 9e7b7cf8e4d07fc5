# Writing non-ASCII and surrogate text to stdout; sys.stdout.buffer raw writes.
import sys
print("ascii", "latin é", "greek αβγ", "cjk 漢字", "emoji 🐍")
sys.stdout.flush()
sys.stdout.buffer.write(b"raw bytes line\n")
sys.stdout.buffer.flush()
try:
    print("lone surrogate \udc80")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e.reason)
print(sys.stdout.errors, sys.stderr.errors)
sys.stderr.write("stderr non-ascii: ñ\n")
