# Annotated assignments in all target forms: simple names, attributes, subscripts, parenthesised.
class C:
    a: int
    b: str = "b"
    (c): float = 1.5
    d: "forward"
print(C.__annotations__, C.b, C.c)
obj = C()
obj.attr: int = 5
lst = [0]
lst[0]: int = 9
print(obj.attr, lst)
def f():
    x: int
    y: list = []
    z: dict = {}
    return y, z, "x" in locals()
print(f(), f.__annotations__ if hasattr(f, "__annotations__") else None)
module_var: int
print("module_var" in globals(), __annotations__.get("module_var"))
