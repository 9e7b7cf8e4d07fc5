# Generator expressions: scoping of the first iterable, laziness, errors at first next.
x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
def noisy(n):
    print("first iterable evaluated")
    return range(n)
g2 = (i for i in noisy(2))
print("generator made")
print(list(g2))
try:
    g3 = (i for i in 5)
except TypeError as e:
    print("TypeError at creation:", e)
g4 = (1 / i for i in (1, 0))
print(next(g4))
try:
    next(g4)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(sum(i for i in range(5) if i % 2), any(i > 3 for i in range(5)), all(())  )
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
