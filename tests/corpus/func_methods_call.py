# Method calls: bound/unbound, on builtins, via getattr, on classes and instances.
class Greeter:
    greeting = "hello"
    def __init__(self, name): self.name = name
    def greet(self, punct="!"): return "%s %s%s" % (self.greeting, self.name, punct)
g = Greeter("ann")
print(g.greet(), Greeter.greet(g, "?"), getattr(g, "greet")(punct="."))
m = g.greet
g.name = "bob"
print(m())
g.greet = lambda: "instance attribute wins"
print(g.greet(), Greeter.greet(g))
print("a,b,c".split(","), ",".join(["x", "y"]), [3, 1, 2].index(2), str.upper("abc"))
lst = []
app = lst.append
for i in range(3): app(i)
print(lst, app.__self__ is lst, app.__name__)
print((1).__add__(2), int.__add__(1, 2), (2.5).is_integer(), "x".__len__())
print(dict.fromkeys([1, 2], 0), {}.get("k", "default"))
class Chain:
    def __init__(self): self.ops = []
    def add(self, x):
        self.ops.append(x)
        return self
print(Chain().add(1).add(2).add(3).ops)
