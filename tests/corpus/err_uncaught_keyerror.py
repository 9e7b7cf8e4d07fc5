# Uncaught KeyError inside a method called from a comprehension.
class Registry:
    def __init__(self):
        self.items = {"a": 1, "b": 2}
    def lookup(self, k):
        return self.items[k]
r = Registry()
print([r.lookup(k) for k in "ab"])
print({k: r.lookup(k) for k in "abc"})
