# atexit handlers run after the main module, in reverse order, even on sys.exit.
import atexit, sys
atexit.register(print, "handler one")
@atexit.register
def two():
    print("handler two")
    sys.stdout.flush()
def with_args(a, b=0):
    print("handler with args", a, b)
atexit.register(with_args, 1, b=2)
print("main body")
sys.exit(4)
