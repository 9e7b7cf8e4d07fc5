# Generators as methods, __iter__ generators, generator closing when dropped.
class Repeater:
    def __init__(self, item, times):
        self.item, self.times = item, times
    def __iter__(self):
        for _ in range(self.times):
            yield self.item
print(list(Repeater("x", 3)), "".join(Repeater("ab", 2)))
class Tracker:
    def __init__(self):
        self.log = []
    def gen(self):
        try:
            for i in range(10):
                self.log.append(i)
                yield i
        finally:
            self.log.append("closed")
t = Tracker()
for v in t.gen():
    if v == 2:
        break
print(t.log)
def make():
    g = t.gen()
    next(g)
make()
print(t.log)
