# Walking f_back through methods, properties, generators, comprehensions and lambdas.
import sys
def stack_names():
    names = []
    f = sys._getframe(1)
    while f:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names
class K:
    @property
    def prop(self):
        return stack_names()
    def method(self):
        return [stack_names() for _ in range(1)][0]
    def gen(self):
        yield stack_names()
print(K().prop)
print(K().method())
print(next(K().gen()))
print((lambda: stack_names())())
print(sorted(map(lambda _: stack_names()[0], [1])))
def caller_locals():
    return sorted(sys._getframe(1).f_locals)
def has_locals(a, b=2):
    c = 3
    return caller_locals()
print(has_locals(1))
