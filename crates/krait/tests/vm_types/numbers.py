# int/float methods and attributes, range and slice methods.
def show(f):
    try:
        r = f()
    except Exception as e:
        r = e
    print(repr(r))
for i in [0, 1, -1, 5, -8, 255, 1 << 64, -(1 << 70)+3, True]:
    show(lambda: (i.bit_length(), i.bit_count(), i.real, i.imag, i.numerator, i.denominator, i.conjugate(), i.as_integer_ratio()))
    show(lambda: (i.__index__(), i.__round__(), i.__round__(-1), i.__round__(-2), round(i, -1)))
for f in [0.0, -0.0, 1.5, -2.75, 0.1, 1e300, 5e-324, 2.2250738585072014e-308, 123456.789, float("inf"), float("nan")]:
    show(lambda: (f.is_integer(), f.real, f.imag, f.conjugate()))
    show(lambda: f.as_integer_ratio())
    show(lambda: f.hex())
    show(lambda: float.fromhex(f.hex()) == f or f != f)
    show(lambda: f.__trunc__())
for s in ["0x1.8p1", "-0x.8p-2", "1", "0x1p-1074", "0x1p-1075", "0x1.0000000000000fp0", "0x1p1024", "inf", " -nan ", "0xg", "", "0x1.p", "0x1.8p+3"]:
    show(lambda: float.fromhex(s))
show(lambda: (5).bit_length(1))
show(lambda: 1.5.hex(1))
show(lambda: float.fromhex(1))
r = range(3, 20, 4)
show(lambda: (r.start, r.stop, r.step, r.index(7), r.count(7), r.count(8), r.count(7.0), r.index(11.0)))
show(lambda: r.index(8))
show(lambda: range(0, -10, -3).index(-9))
for sl in [slice(None), slice(1, 5, 2), slice(-3, None), slice(None, None, -1), slice(10, -10, -2)]:
    show(lambda: sl.indices(7))
show(lambda: slice(1, 2).indices(-1))
show(lambda: slice(1, 2, 0).indices(3))
