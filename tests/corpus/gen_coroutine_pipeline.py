# Generator-based coroutines (send-driven): a pipeline of filters and sinks.
def coroutine(fn):
    def start(*a, **k):
        g = fn(*a, **k)
        next(g)
        return g
    return start
@coroutine
def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)
@coroutine
def upper(target):
    while True:
        target.send((yield).upper())
@coroutine
def sink(out):
    try:
        while True:
            out.append((yield))
    except GeneratorExit:
        out.append("<closed>")
out = []
s = sink(out)
pipe = grep("py", upper(s))
for line in ["python rocks", "java", "pypy too", "c"]:
    pipe.send(line)
s.close()
print(out)
@coroutine
def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
a = averager()
print([a.send(v) for v in (10, 20, 60)])
