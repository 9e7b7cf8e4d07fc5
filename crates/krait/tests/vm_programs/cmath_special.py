# cmath with infinite and NaN arguments: CPython's special-value results and errors.
import cmath, math
vals = [-math.inf, -2.5, -1.0, -0.0, 0.0, 0.5, 1.0, 3.0, math.inf, math.nan]
out = []
for f in ['sqrt','exp','log','log10','acos','acosh','asin','asinh','atan','atanh','cos','cosh','sin','sinh','tan','tanh', 'phase', 'polar', 'isfinite', 'isinf', 'isnan']:
    row = []
    for a in vals:
        for b in vals:
            try: row.append(repr(getattr(cmath, f)(complex(a, b))))
            except (ValueError, OverflowError) as e: row.append(type(e).__name__)
    out.append(f + ' ' + ' '.join(row))
for a in vals:
    for b in vals:
        try: out.append(repr(cmath.rect(a, b)))
        except (ValueError, OverflowError) as e: out.append('rect ' + type(e).__name__)
print('\n'.join(out))
