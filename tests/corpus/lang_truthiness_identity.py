# is vs ==, None comparisons, interning-free identity checks that are guaranteed.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None, type(None)() is None)
print(True is True, (1 == 1) is True, bool(0) is False, ... is Ellipsis, NotImplemented is NotImplemented)
print(tuple() == (), frozenset() == frozenset(), type(()) is tuple, object() is object())
def f(): pass
print(f is f, f.__code__ is f.__code__, f() is None)
class C: pass
print(C() == C(), C is C, type(C()) is C)
print(int is type(1), str is type(""), (a := [1]) is a)
