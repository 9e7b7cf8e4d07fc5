class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)
    def __del__(self):
        print("close", self.name)

a = Res("a")
del a
print("after del")
def f():
    r = Res("local")
    print("in f")
f()
print("after f")
b = Res("b")
b = None
print("rebound")
Res("temp")
print("end")
