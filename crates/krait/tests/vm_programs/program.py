import sys

def log_calls(func):
    def wrapper(*args, **kwargs):
        print(f"call {func.__name__}{args}")
        return func(*args, **kwargs)
    wrapper.__name__ = func.__name__
    return wrapper

@log_calls
def area(w, h=1):
    return w * h

print(area(3, 4), area(5))

class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    @classmethod
    def empty(cls, owner):
        return cls(owner)
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"bad amount: {amount}")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self
    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"
    def __str__(self):
        return f"{self.owner}: {self.balance:.2f}"

class Savings(Account):
    def __init__(self, owner, balance=0, rate=0.05):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        self.balance += self.balance * self.rate
        return self.balance

acc = Account.empty("ann").deposit(100).deposit(50)
sv = Savings("bob", 1000)
sv.add_interest()
print(acc, sv, [acc, sv])
print(repr(acc), acc.history, isinstance(sv, Account), type(sv).__name__)
try:
    acc.deposit(-5)
except ValueError as e:
    print("error:", e)
else:
    print("no error")
finally:
    print("done")

text = "the quick brown fox jumps over the lazy dog the end"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(top)
print(*[w.upper() for w in text.split() if len(w) > 4], sep=", ")
matrix = [[i * j for j in range(1, 4)] for i in range(1, 4)]
print(matrix, [row[1] for row in matrix], list(zip(*matrix)))
print(dict(zip("abc", range(3))), {v: k for k, v in counts.items() if v > 1})

def hanoi(n, a="A", b="B", c="C", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(10)), hanoi(2))

def pipeline(data):
    evens = (x for x in data if x % 2 == 0)
    squares = (x * x for x in evens)
    return list(squares)
print(pipeline(range(10)), any(x > 50 for x in pipeline(range(10))), all([]))
print(min(["pear", "fig", "apple"], key=len), max("hello"), sorted("hello", reverse=True))
n = 0
while True:
    n += 1
    if n * n > 50:
        break
print(n, sys.version_info[0], isinstance(3.5, (int, float)), "%-6s|%6.3f|%x" % ("ab", 2.5, 255))
print(str(12345)[::-1], int("-17"), float("2.5e3"), 7 // -2, 7 % -3, round(-2.5), 10 / 4, abs(-7))
print("a,b,,c".split(","), " x ".strip(), "abc".replace("b", "B"), ", ".join(map(str, [1, 2, 3])))
