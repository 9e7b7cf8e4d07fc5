print(hex(255), hex(-255), oct(8), bin(5), bin(-5), hex(2**70))
class A:
    z = 1
    def m(self): pass
a = A(); a.q = 2
print([n for n in dir(a) if not n.startswith("__")])
