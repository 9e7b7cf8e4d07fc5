# Higher-order functions: function factories, currying, memoisation by closure, pipelines.
def pipeline(*fs):
    def run(x):
        for f in fs:
            x = f(x)
        return x
    return run
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(pipeline(inc, dbl)(5), pipeline(dbl, inc)(5), pipeline()(7))
def curry(f, n):
    def take(*got):
        if len(got) >= n:
            return f(*got[:n])
        return lambda *more: take(*got, *more)
    return take
add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(1, 2, 3))
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def stairs(n):
    return 1 if n <= 1 else stairs(n - 1) + stairs(n - 2)
print(stairs(60), len(stairs.cache))
def apply_n(f, n):
    return lambda x: x if n == 0 else apply_n(f, n - 1)(f(x))
print(apply_n(dbl, 10)(1), list(map(apply_n(inc, 3), range(3))))
print(sorted(["bb", "a", "ccc"], key=len), max(range(10), key=lambda v: (v % 3, v)), list(filter(callable, [1, len, "s", print])) == [len, print])
