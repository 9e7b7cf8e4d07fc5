# co_* fields of simple functions (values that are identical across compilers).
def simple(a, b, /, c, *args, d, e=1, **kw):
    "doc"
    x = a + b
    def inner():
        return x
    return inner
co = simple.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_nlocals, co.co_varnames, co.co_cellvars, co.co_freevars, co.co_names)
print(co.co_firstlineno, co.co_flags & 0x0F, bool(co.co_flags & 0x04), bool(co.co_flags & 0x08))
inner = simple(1, 2, 3, d=4)
print(inner.__code__.co_freevars, inner.__code__.co_qualname, inner.__code__.co_flags & 0x10)
def consts():
    return (1, "two", 3.0, None, (4, 5), b"six")
print(consts.__code__.co_consts)
def add(x, y):
    return x + y
print(add.__code__.co_code.hex())
print(add.__code__.co_stacksize, add.__code__.co_exceptiontable, add.__code__.co_names)
def gen(): yield
async def coro(): pass
async def agen(): yield
import inspect
print([bool(f.__code__.co_flags & flag) for f, flag in ((gen, inspect.CO_GENERATOR), (coro, inspect.CO_COROUTINE), (agen, inspect.CO_ASYNC_GENERATOR))])
print(list(add.__code__.co_lines()), list(add.__code__.co_positions())[-1])
print(add.__code__.co_linetable.hex() != "", type(add.__code__).__name__)
c2 = add.__code__.replace(co_name="renamed")
print(c2.co_name, c2 is not add.__code__, c2 == add.__code__)
