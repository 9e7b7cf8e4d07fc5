def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(20))
x = [i * i for i in range(10)]
print(x, len(x), sum(x))
d = {"a": 1, "b": 2}
print(d, d["a"])
class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v + 1
    def __repr__(self):
        return f"C({self.v!r})"
c = C(41)
print(c.get(), c)
def gen(n):
    for i in range(n):
        yield i * 2
print(list(gen(5)))
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
def outer():
    x = 10
    def inner(y):
        return x + y
    return inner
print(outer()(5))
print("%s-%d" % ("a", 3), "{} {}".format(1, 2), f"{3.14159:.2f}")
