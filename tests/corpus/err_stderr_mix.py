# Writes to both stdout and stderr; print(file=), sys.stderr.write, exit 2.
import sys
print("out 1")
print("err 1", file=sys.stderr)
sys.stderr.write("err 2 via write\n")
sys.stdout.write("out 2 via write\n")
print("sep", "end", sep="|", end="!\n", file=sys.stderr)
print(*range(3), sep=", ")
print(end="")
print()
sys.exit(2)
