# with blocks combined with return/break/continue/raise and nested try: exits always run.
class CM:
    def __init__(self, tag): self.tag = tag
    def __enter__(self):
        print("enter", self.tag)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.tag, et.__name__ if et else "-")
        return et is StopIteration
def f():
    for i in range(4):
        with CM("loop%d" % i):
            if i == 0:
                continue
            if i == 2:
                break
            with CM("inner%d" % i):
                pass
    with CM("ret"):
        try:
            with CM("nested"):
                return "returned"
        finally:
            print("finally between")
print(f())
def g():
    with CM("swallow"):
        raise StopIteration("swallowed by __exit__")
    return "after swallowed"
print(g())
def h():
    try:
        with CM("a"), CM("b"):
            raise KeyError("through both")
    except KeyError as e:
        return "caught " + repr(e)
print(h())
def gen():
    with CM("gen"):
        yield 1
        yield 2
for v in gen():
    print("got", v)
