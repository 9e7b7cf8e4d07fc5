# Iterable vs iterator classes: re-iteration, independent iterators, iterator exhaustion.
class Squares:
    def __init__(self, n): self.n = n
    def __iter__(self): return SquaresIter(self.n)
class SquaresIter:
    def __init__(self, n): self.i, self.n = 0, n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i ** 2
s = Squares(4)
print(list(s), list(s), [(a, b) for a in s for b in s if a + b == 17])
it = iter(s)
print(next(it), list(it), list(it))
z = zip(s, s)
print(list(z))
class Fib:
    def __iter__(self):
        a, b = 0, 1
        while True:
            yield a
            a, b = b, a + b
import itertools
print(list(itertools.islice(Fib(), 15)), next(iter(Fib())))
