# Frames of generators and coroutines: gi_frame/cr_frame, f_lineno while suspended, f_back None.
import sys
def gen():
    x = 1
    yield sys._getframe().f_back is not None
    x = 2
    yield x
g = gen()
print(g.gi_frame.f_lineno, g.gi_frame.f_code.co_name)
print(next(g), g.gi_frame.f_lineno, sorted(g.gi_frame.f_locals))
print(g.gi_frame.f_back)
print(next(g), g.gi_frame.f_locals["x"])
for _ in g:
    pass
print(g.gi_frame)
async def co():
    return sys._getframe().f_code.co_name
c = co()
print(c.cr_frame.f_code.co_name, c.cr_running)
try:
    c.send(None)
except StopIteration as e:
    print(e.value, c.cr_frame)
