import sys
print(sys.warnoptions, sys.intern('ab'))
try: sys.exit(3)
except SystemExit as e: print(e.code)
try: raise SystemExit
except SystemExit as e: print(e.code)
try: raise SystemExit(1, 2)
except SystemExit as e: print(e.code)
e = OSError(2, 'No such file', 'x')
print(e.errno, e.strerror, e.filename, e.filename2)
print(pow(7, 300, 10**20), pow(123456789, 2**20, 1000000007), pow(3, -1, 2**61 - 1))
print(pow(3, 4, 5), pow(2, -1, 7), pow(17, -1, 3120), pow(3, 4, -5), pow(5, 2, 1))
for args in [(2, -1, 4), (2.0, 2, 5), ('a', 2, 3), (2, 2, 0)]:
    try: pow(*args)
    except Exception as ex: print(type(ex).__name__, ex)
class V:
    def __pow__(self, k, mod=None): return (k, mod)
print(pow(V(), 2, 5))
s = StopIteration(4); print(s.value)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig, sys.float_info.min)
print(sys.int_info.bits_per_digit in (15, 30), sys.get_int_max_str_digits())
print((17).__divmod__(5), (17).__rdivmod__(5), (7.5).__divmod__(2), (7).__divmod__(2.0), (-7).__divmod__(2))
print(divmod(-7, 2), divmod(7.5, 2))
