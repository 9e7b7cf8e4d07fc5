# cmath: every function over finite values incl. huge/tiny, phase/polar/rect/isclose, errors.
import cmath
zs = [0j, 1+0j, -1+0j, 2+3j, -2.5+0.5j, 0.3-0.7j, 1e-310+1e-310j, 1e300+1e300j, -1e200-3j, 0.5+0j, 1+1e-20j, 3j, -0.0-2j]
for f in ['sqrt','exp','log','log10','acos','acosh','asin','asinh','atan','atanh','cos','cosh','sin','sinh','tan','tanh']:
    out = []
    for z in zs:
        try: out.append(repr(getattr(cmath, f)(z)))
        except (ValueError, OverflowError) as e: out.append(type(e).__name__ + ": " + str(e))
    print(f, out)
print(cmath.phase(-1), cmath.phase(-1-0j), cmath.polar(1j), cmath.rect(2, cmath.pi/4), cmath.rect(1, 0), cmath.log(8, 2), cmath.log(1j, 1+1j))
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1j, 2j, abs_tol=1), cmath.isfinite(1j), cmath.isinf(complex('inf')), cmath.isnan(cmath.nanj), cmath.infj, cmath.tau, cmath.e)
print(cmath.sqrt(4), cmath.sqrt(-4.0), cmath.exp(1), cmath.sqrt(True))
for bad in [lambda: cmath.sqrt('x'), lambda: cmath.exp(1000), lambda: cmath.log(0), lambda: cmath.atanh(1), lambda: cmath.isclose(1, 2, rel_tol=-1)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
