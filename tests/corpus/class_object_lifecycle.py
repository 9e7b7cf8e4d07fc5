# Object lifecycle: __new__ -> __init__ -> use -> __del__ on last reference, with class counters.
class Tracked:
    live = 0
    def __new__(cls, *a):
        print("__new__", a)
        return super().__new__(cls)
    def __init__(self, name):
        print("__init__", name)
        self.name = name
        Tracked.live += 1
    def __del__(self):
        Tracked.live -= 1
        print("__del__", self.name)
a = Tracked("a")
b = Tracked("b")
print("live", Tracked.live)
a = None
print("live", Tracked.live)
items = [Tracked("c%d" % i) for i in range(2)]
items.clear()
print("live", Tracked.live)
def temp():
    t = Tracked("temp")
    return t.name
print(temp(), "live", Tracked.live)
del b
print("live", Tracked.live)
