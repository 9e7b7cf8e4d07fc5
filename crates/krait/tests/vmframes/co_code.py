# The example with co_code (needs the bytes type).
import sys
code = compile("a = 6 * 7\nprint('a is', a)\n", "<example>", "exec")
print(type(code), type(code.co_code))
exec(code)
print(code.co_code.hex())
print(len(code.co_lnotab) >= 0, type(code.co_linetable).__name__)


def walk():
    f = sys._getframe()
    while f:
        print(f.f_code.co_name, [k for k in f.f_locals.keys() if not k.startswith("__")])
        f = f.f_back


def caller(u):
    v = u + 1
    walk()


caller(1)
