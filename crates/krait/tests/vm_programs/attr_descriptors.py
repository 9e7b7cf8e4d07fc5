# Class-level access to function attributes gives descriptors (what types.py reads).
import types

print(types.FunctionType.__code__)
print(types.FunctionType.__globals__)
print(types.GetSetDescriptorType, types.MemberDescriptorType)
print(type(types.FunctionType.__defaults__).__name__)


def f(a, b=2):
    return a + b


print(f.__code__.co_name, f.__defaults__, f.__closure__, f.__kwdefaults__)
print(types.FunctionType.__name__, types.FunctionType.__qualname__)
