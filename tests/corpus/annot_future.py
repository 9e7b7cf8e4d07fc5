# from __future__ import annotations: annotations stored as strings.
from __future__ import annotations
import typing
def f(a: int, b: list[Undefined], *, c: dict[str, "int"] = {}) -> Optional[int]:
    return a
print(f.__annotations__)
class Node:
    next: Node | None
    value: int = 0
    def link(self, other: Node) -> Node:
        return self
print(Node.__annotations__, Node.link.__annotations__)
x: some.dotted.name[1, 2] = 3
print(__annotations__, x)
def complex_ann(a: lambda: 1, b: [i for i in range(2)], c: 1 + 2 * 3, d: a if b else c, e: f"{x}") -> x[1:2, ...]:
    pass
print(complex_ann.__annotations__)
class Pt:
    x: int
    y: int
print(typing.get_type_hints(Pt), typing.get_type_hints(Node.link, localns={"Node": Node}))
