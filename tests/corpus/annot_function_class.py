# Annotations on functions, classes and modules (evaluated eagerly).
from typing import Optional, List, Dict, Union, Callable
def f(a: int, b: "str" = "x", *args: float, c: List[int] = None, **kw: Dict[str, int]) -> Optional[bool]:
    return None
print(f.__annotations__)
class C:
    x: int
    y: str = "default"
    z: "forward"
    def m(self, v: int) -> None: ...
print(C.__annotations__, C.y, hasattr(C, "x"), C.m.__annotations__)
evaluated = []
def side(tag):
    evaluated.append(tag)
    return tag
def g(p: side("param")) -> side("return"):
    pass
print(evaluated, g.__annotations__)
x: int = 5
y: side("module-level")
print(__annotations__, evaluated[-1])
class D:
    attr: side("class-level")
print(D.__annotations__)
def inner_annot():
    local: side("never evaluated") = 1
    return local
print(inner_annot(), evaluated)
print(Union[int, str], Callable[[int], str], int | None, List[int] == list[int])
