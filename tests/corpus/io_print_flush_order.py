# stdout and stderr are compared separately; buffered output, flush, and large outputs.
import sys
for i in range(3):
    print("out", i)
    print("err", i, file=sys.stderr)
sys.stdout.write("x" * 100 + "\n")
print("\n".join("line %04d" % i for i in range(500)))
sys.stdout.flush()
sys.stderr.write("final stderr line\n")
print("last stdout line", flush=True)
