# SystemExit caught and inspected, then exit(0) from a nested function.
import sys
for arg in (None, 0, 5, "text", (1, 2)):
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(e.code), e.args)
def leave():
    raise SystemExit(0)
print("leaving")
leave()
