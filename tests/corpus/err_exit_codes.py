# sys.exit with an int: output flushed, finally blocks run, exit status 3.
import sys
try:
    print("before exit")
    sys.exit(3)
finally:
    print("finally on the way out")
print("not reached")
