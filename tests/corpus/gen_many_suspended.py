# Many generators alive at once, round-robin scheduling, finalisation at exit.
def worker(name, steps):
    try:
        for i in range(steps):
            yield "%s:%d" % (name, i)
    finally:
        print("finished", name)
gens = [worker("w%d" % i, i + 1) for i in range(4)]
trace = []
while gens:
    g = gens.pop(0)
    try:
        trace.append(next(g))
        gens.append(g)
    except StopIteration:
        pass
print(trace)
pool = [worker("p%d" % i, 10) for i in range(3)]
for g in pool:
    next(g)
for g in pool:
    g.close()
print("all closed")
