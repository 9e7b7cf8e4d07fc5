def count(n):
    i = 0
    while i < n:
        got = yield i
        if got:
            i = got
        i += 1
    return "done"

g = count(10)
print(next(g), next(g), g.send(5), next(g))
print(list(count(3)))

def inner():
    x = yield 1
    yield x * 2
    return 99

def outer():
    r = yield from inner()
    yield r

o = outer()
print(next(o), o.send(21), next(o))
try:
    next(o)
except StopIteration:
    print("exhausted")

def squares():
    for i in range(5):
        yield i * i
print(sum(squares()), list(x + 1 for x in squares()))

def closer():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
c = closer()
next(c)
c.close()

def thrower():
    try:
        yield 1
    except ValueError as e:
        yield "got " + str(e)
t = thrower()
next(t)
print(t.throw(ValueError("boom")))
def ret():
    return 5
    yield
try:
    next(ret())
except StopIteration as e:
    print("value", e.value)
