# global and nonlocal inside class bodies and nested functions sharing module state.
total = 0
class Acc:
    global total
    total = 5
    def add(self, n):
        global total
        total += n
        return total
print(total, Acc().add(3), total)
def factory():
    state = []
    class Collector:
        def push(self, v):
            state.append(v)
            return len(state)
    return Collector, state
C, st = factory()
c = C()
c.push(1); c.push(2)
print(st)
def shadow_check():
    total = "local"
    def inner():
        global total
        return total
    return inner(), total
print(shadow_check())
