# Default arguments are evaluated once, at definition time.
calls = 0
def default_value():
    global calls
    calls += 1
    return calls
def f(x=default_value(), acc=[]):
    acc.append(x)
    return acc
print(f(), f(), f(10), calls)
def safe(item, acc=None):
    if acc is None:
        acc = []
    acc.append(item)
    return acc
print(safe(1), safe(2))
print(f.__defaults__)
f.__defaults__ = (99, [])
print(f(), f())
def g(a, b=1, *, c=2):
    return a + b + c
g.__kwdefaults__ = {"c": 100}
print(g(1))
n = 5
def h(k=n):
    return k
n = 6
print(h())
def with_lambda_default(fn=lambda x: x * 2):
    return fn(21)
print(with_lambda_default())
