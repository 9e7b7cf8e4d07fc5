# Trivial statements and singletons: pass, Ellipsis, None, NotImplemented.
def stub(): ...
def stub2(): pass
print(stub(), stub2())
print(..., Ellipsis is ..., type(...).__name__)
print(None.__class__, NotImplemented, type(NotImplemented).__name__)
class Empty: pass
print(Empty.__name__, Empty.__qualname__, Empty.__module__)
x = [1, ..., 3]
print(x, x.index(...))
if True: pass
while False: pass
for _ in (): pass
print(bool(...), bool(None))
print(repr(None), str(...), repr(NotImplemented))
