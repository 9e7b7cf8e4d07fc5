# complex.
def show(f):
    try:
        r = f()
    except Exception as e:
        r = e
    print(repr(r))
z = 3 + 4j
show(lambda: (z, z.real, z.imag, abs(z), z.conjugate(), -z, +z, bool(z), bool(0j)))
show(lambda: (z + 1, 1 + z, z - 1.5, 2 * z, z * z, z / 2, 1 / z, z / (1 - 2j)))
show(lambda: (z ** 2, z ** -1, z ** 0.5, 2 ** z, z ** z, (1j) ** 2, 0j ** 0))
show(lambda: (complex(), complex(1), complex(1.5, 2), complex("1+2j"), complex(" -1.5e3-2J "), complex("j"), complex("-j"), complex("(3)"), complex(1j, 1j)))
show(lambda: (z == 3 + 4j, z != z, 1 + 0j == 1, 2.0 == 2 + 0j, z == "x"))
show(lambda: hash(1 + 0j) == hash(1))
show(lambda: hash(z))
show(lambda: (repr(1e300j), repr(-0j), repr(complex(-0.0, -0.0)), str(1.5 + 2j), repr(complex(float("nan"), float("inf")))))
show(lambda: format(z, ".2f"))
show(lambda: format(z, ""))
show(lambda: f"{1-2j:>12}")
show(lambda: z < z)
show(lambda: z // 2)
show(lambda: z / 0)
show(lambda: 0j ** -1)
show(lambda: complex("1+"))
show(lambda: complex("x"))
show(lambda: complex(None))
show(lambda: complex("1", 2))
show(lambda: complex(1, "2"))
show(lambda: {1j: 2}[1j])
show(lambda: type(z).__name__ if False else isinstance(z, complex))
