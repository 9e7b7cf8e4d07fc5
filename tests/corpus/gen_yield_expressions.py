# yield as an expression in odd positions: arguments, subscripts, conditions, lambdas.
def g():
    x = yield
    print("x", x)
    y = [(yield 1), (yield 2)]
    print("y", y)
    z = {"k": (yield "in dict")}
    print("z", z)
    if (yield "cond"):
        print("truthy send")
    print("sum", (yield "a") + (yield "b"))
it = g()
print(next(it))
print(it.send("first"))
print(it.send("A"))
print(it.send("B"))
print(it.send("D"))
print(it.send(1))
print(it.send(10))
try:
    it.send(5)
except StopIteration:
    print("done")
lam = lambda: (yield "from lambda")
print(list(lam()))
