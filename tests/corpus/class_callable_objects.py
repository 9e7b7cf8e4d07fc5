# Classes used as callables: functors, memoizers, decorator classes, bound __call__.
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
        self.__name__ = fn.__name__
    def __call__(self, *args):
        if args not in self.cache:
            self.cache[args] = self.fn(*args)
        return self.cache[args]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache), fib.__name__, type(fib).__name__)
class CountCalls:
    def __init__(self, fn):
        self.fn, self.calls = fn, 0
    def __call__(self, *a, **k):
        self.calls += 1
        return self.fn(*a, **k)
    def __get__(self, obj, cls):
        if obj is None:
            return self
        return lambda *a, **k: self(obj, *a, **k)
class Service:
    @CountCalls
    def ping(self, n=1):
        return "pong" * n
s = Service()
print(s.ping(), s.ping(n=2), Service.ping.calls)
class Poly:
    def __init__(self, *coef): self.coef = coef
    def __call__(self, x): return sum(c * x ** i for i, c in enumerate(self.coef))
p = Poly(1, 0, 2)
print([p(x) for x in range(4)], list(map(p, (10,))))
