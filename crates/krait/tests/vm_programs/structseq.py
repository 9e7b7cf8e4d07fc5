# Struct sequences: sys.version_info, sys.float_info, ..., time.struct_time.
import sys
import time

for o in (sys.version_info, sys.float_info, sys.int_info, sys.hash_info):
    t = type(o)
    print(t, t.__module__, t.__name__, t.n_sequence_fields, t.n_fields, t.n_unnamed_fields)
    print(t.__match_args__, repr(o), len(o), isinstance(o, tuple))
for t in (type(sys.version_info), type(sys.flags)):
    try:
        t((1,) * t.n_fields)
    except TypeError as e:
        print("TypeError:", e)
print(type(sys.flags).__match_args__, type(sys.flags).__doc__)
print(sys.version_info.__reduce__(), type(sys.version_info).major)
print(sys.version_info >= (3, 11), sys.version_info[:2], hash(sys.version_info) == hash(tuple(sys.version_info)))
try:
    sys.version_info.major = 4
except AttributeError as e:
    print("AttributeError:", e)
major, minor, *_ = sys.version_info
print(major, minor)
match sys.version_info:
    case (3, m, *_):
        print("matched", m)
fi = type(sys.float_info)(range(11))
print(fi, fi.rounds)

print(time.struct_time.__match_args__, time.struct_time.n_fields, time.struct_time.tm_year)
for args in [((1, 2),), ((1,) * 12,), (5,), ((1,) * 9, 5)]:
    try:
        time.struct_time(*args)
    except TypeError as e:
        print("TypeError:", e)
s = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0))
print(s, s.tm_year, s[1:3], s == (2000, 1, 2, 3, 4, 5, 6, 7, 0))
print(time.struct_time(sequence=range(9)), time.gmtime(86400 * 365))
try:
    type(sys.version_info).major.__get__((1, 2))
except TypeError as e:
    print("TypeError:", e)
