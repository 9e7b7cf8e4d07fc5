# complex numbers: construction, arithmetic, repr, cmath.
import cmath
z = complex(3, -4)
print(z, repr(z), z.real, z.imag, z.conjugate(), abs(z), z * 1j, z / 2, z ** 2, -z)
print(complex("1+2j"), complex("-1.5e3j"), complex(" (2-3j) "), complex(1.5), complex(0, 0), complex(-0.0, -0.0))
print(1j ** 2, (1 + 1j) ** 0.5, cmath.sqrt(-1), cmath.phase(-1), cmath.polar(1j), cmath.exp(1j * cmath.pi).real)
print(complex(1, float("inf")), complex(float("nan"), 1), (1 + 2j) == complex(1, 2), 1 + 0j == 1)
for bad in (lambda: complex("1+"), lambda: (1 + 1j) < (2 + 2j), lambda: 1j // 1, lambda: (0j) ** -1):
    try:
        bad()
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
