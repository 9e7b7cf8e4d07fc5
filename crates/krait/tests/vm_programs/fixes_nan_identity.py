# NaN identity: each NaN computed is a distinct object; copies of one stay identical; packed bytes are CPython's.
import math, struct, marshal, pickle
nan = float("nan")
print(nan in [nan], nan in [float("nan")], [nan] == [nan], (1, nan) == (1, nan))
print((1, float("nan")) == (1, float("nan")), float("nan") is float("nan"))
d = {nan: 1}; print(d[nan], float("nan") in d, math.nan in d)
print(math.nan is math.nan, [math.nan].count(math.nan), math.nan in [math.nan])
inf = float("inf")
x = inf - inf; y = inf - inf
print(x is y, x is x, [x] == [x], [x] == [y], x + 1 is x)
print(struct.pack("<d", nan), struct.pack("<f", nan), struct.pack("<e", nan), struct.pack("<d", -nan))
print(struct.pack("<d", inf - inf), marshal.dumps(nan), pickle.dumps(nan, 2))
a, = struct.unpack("<d", struct.pack("<d", nan)); b, = struct.unpack("<d", struct.pack("<d", nan))
print(a is b, a == a, math.isnan(a), repr(a), str(-a))
print(hash(1.5), float.fromhex("nan") is float.fromhex("nan"), nan.hex(), math.copysign(1, nan))
s = {nan, nan, float("nan")}; print(len(s))
print(nan != nan, nan == nan, sorted([3.0, 1.0]), max(nan, 1.0), min(1.0, nan))
print(f"{nan}", "%f" % nan, format(nan, ".2f"), round(nan) if False else "", nan.is_integer())
