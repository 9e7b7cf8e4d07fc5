# contextlib: contextmanager, ExitStack with callbacks and suppression, closing, nullcontext, chdir-free.
import contextlib
@contextlib.contextmanager
def tracked(name, log):
    log.append("enter " + name)
    try:
        yield name.upper()
    except KeyError as e:
        log.append("handled " + repr(e))
    finally:
        log.append("exit " + name)
log = []
with tracked("a", log) as v:
    log.append("body " + v)
with tracked("b", log):
    raise KeyError("k")
print(log)
log.clear()
with contextlib.ExitStack() as stack:
    for n in "xyz":
        stack.enter_context(tracked(n, log))
    stack.callback(log.append, "callback")
    more = stack.pop_all()
log.append("after with (pop_all moved everything)")
more.close()
print(log)
class Res:
    def close(self): print("closed Res")
with contextlib.closing(Res()):
    print("using Res")
with contextlib.nullcontext("value") as v:
    print(v)
@contextlib.contextmanager
def bad():
    yield
    yield
try:
    with bad():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
class Reusable(contextlib.ContextDecorator):
    def __enter__(self): print("deco enter"); return self
    def __exit__(self, *e): print("deco exit"); return False
@Reusable()
def decorated(): print("inside decorated")
decorated()
