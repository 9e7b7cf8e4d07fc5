# sys attributes that are stable across runs and implementations of 3.11.
import sys
print(sys.version_info[:2], sys.version_info.major, sys.hexversion >> 16 == 0x030B, sys.implementation.name in ("cpython", "krait"))
print(sys.maxsize == 2**63 - 1, sys.byteorder, sys.getdefaultencoding(), sys.getrecursionlimit())
print(type(sys.argv).__name__, len(sys.argv), sys.flags.optimize, sys.flags.dont_write_bytecode)
print(sys.stdout.encoding.lower().replace("-", ""), sys.stdin is not None, sys.stderr is sys.__stderr__)
print(sys.float_info.radix, sys.int_info.sizeof_digit in (2, 4), sys.maxunicode)
print(callable(sys.exit), callable(sys.getsizeof), sys.getsizeof(0) > 0, isinstance(sys.path, list))
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
print(sys.intern("abc") is sys.intern("ab" + "c"), sys.is_finalizing())
