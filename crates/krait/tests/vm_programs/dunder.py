class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __hash__(self):
        return hash(self.cents)
    def __lt__(self, other):
        return self.cents < other.cents
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)
    def __radd__(self, other):
        return self.__add__(other)
    def __repr__(self):
        return "Money(%d)" % self.cents
    def __bool__(self):
        return self.cents != 0
    def __contains__(self, x):
        return x == "$"
    def __call__(self, k):
        return self.cents * k

m = [Money(5), Money(1), Money(3)]
print(sorted(m), min(m), max(m), sum(m, Money(0)), sum(x.cents for x in m))
print(Money(1) == Money(1), Money(1) != Money(2), {Money(1): "a"}[Money(1)], bool(Money(0)), "$" in Money(1), Money(4)(3))
print(1 + Money(2), Money(2) + 1)

class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 10
print(list(Seq(4)), len(Seq(4)), 20 in Seq(4), Seq(0) and "yes" or "no")

class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print(list(It()), [x * 2 for x in It()])

class Attr:
    def __getattr__(self, name):
        return name.upper()
a = Attr()
a.real = 1
print(a.real, a.missing)

class Slotted:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2) if False else None
        self.__dict__[name] = value * 2
s = Slotted()
s.v = 21
print(s.v)
try:
    hash([])
except TypeError as e:
    print(e)
class NoHash:
    def __eq__(self, o):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print(e)
