# and/or/not with objects defining __bool__/__len__; short-circuit order.
class T:
    def __init__(self, name, val): self.name, self.val = name, val
    def __bool__(self):
        print("bool", self.name)
        return self.val
    def __repr__(self): return self.name
a, b, c = T("a", True), T("b", False), T("c", True)
print(a and b and c)
print(b or c or a)
print(not a, not b)
print(b and a or c)
if a and not b:
    print("branch taken")
x = [] or T("d", False) or 0
print(x)
print(all([a, b, c]), any([b, b, c]))
