# Comprehension evaluation order with side effects in conditions and element expressions.
log = []
def cond(x):
    log.append("cond %d" % x)
    return x % 2 == 0
def elem(x):
    log.append("elem %d" % x)
    return x * 10
res = [elem(x) for x in range(4) if cond(x)]
print(res, log)
log.clear()
res = {cond(x): elem(x) for x in range(3)}
print(res, log)
log.clear()
g = (elem(x) for x in range(3) if cond(x))
print(log)
print(next(g), log)
