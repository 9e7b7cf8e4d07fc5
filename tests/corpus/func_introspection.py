# inspect on functions: signature, parameters kinds, bind, getsource-free checks, isfunction.
import inspect
def f(a, b: int = 2, /, c=3, *args, d, e: str = "e", **kw) -> None: ...
sig = inspect.signature(f)
print(sig)
for name, p in sig.parameters.items():
    print(name, p.kind.name, p.default is inspect.Parameter.empty, p.annotation)
ba = sig.bind(1, d=4)
ba.apply_defaults()
print(ba.arguments)
try:
    sig.bind()
except TypeError as e:
    print("TypeError:", e)
print(inspect.isfunction(f), inspect.ismethod(f), inspect.isbuiltin(len), inspect.isclass(int), inspect.signature(lambda x, *y: 0))
class K:
    def m(self, x): pass
    @classmethod
    def c(cls): pass
print(inspect.signature(K().m), inspect.signature(K.m), inspect.ismethod(K.c), inspect.getmro(bool))
print(inspect.getfullargspec(f).args, inspect.getfullargspec(f).kwonlyargs)
