# Ranges with bounds beyond 64 bits: creation, repr, iteration, len.
r = range(1 << 70)
print(r, type(iter(r)).__name__)
print(list(range(2**64, 2**64 + 5, 2)))
print(list(range(3, -2**65, -2**64)))
print(len(range(2**64, 2**64 + 10)), bool(range(2**65, 2**65)))
try:
    len(r)
except OverflowError as e:
    print("OverflowError:", e)
it = iter(range(-2**80, -2**80 + 3))
print(next(it), next(it), next(it), next(it, "done"))
print(sum(range(10**20, 10**20 + 4)))
