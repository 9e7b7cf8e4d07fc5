# sys.exit with a string: printed to stderr, exit status 1.
import sys
print("working")
sys.exit("fatal: configuration invalid")
