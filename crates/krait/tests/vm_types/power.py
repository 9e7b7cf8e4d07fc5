# ** through Vm::power (ints, floats, user __pow__/__rpow__).
print(2**64, (-8)**(1/3) if False else 0, 2**-1, 3.0**2, pow(2, 10))
class P:
    def __pow__(self, o): return "pow"
    def __rpow__(self, o): return "rpow"
print(P()**2, 2**P())
