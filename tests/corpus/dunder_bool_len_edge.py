# __bool__ and __len__ edge cases: exceptions from them, None returns, truth in while/if/not/and.
class Raises:
    def __bool__(self): raise RuntimeError("no truth")
try:
    if Raises():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
class NoneLen:
    def __len__(self): return None
try:
    bool(NoneLen())
except TypeError as e:
    print("TypeError:", e)
class Countdown:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
c = Countdown(3)
while c:
    print("n =", c.n)
    c.n -= 1
print(not c, bool(Countdown(0)) or "falsy")
class BoolWins:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(BoolWins()))
