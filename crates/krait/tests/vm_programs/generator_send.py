def g():
    x = yield 1
    print("got", x)
    yield 2
it = g()
try:
    it.send(5)
except TypeError as e:
    print(e)
print(next(it), it.send("hi"))
c = g()
c.close()
print(list(c))
