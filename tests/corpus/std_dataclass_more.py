# dataclasses: field options, slots, kw_only, inheritance, fields(), astuple, __eq__ semantics.
from dataclasses import dataclass, field, fields, astuple, KW_ONLY, InitVar
@dataclass
class Base:
    x: int
    y: int = 1
@dataclass
class Child(Base):
    z: int = 2
    _: KW_ONLY
    tag: str = "t"
print(Child(1), Child(1, 2, 3, tag="q"), [f.name for f in fields(Child)], astuple(Child(0)))
@dataclass(slots=True)
class Slotted:
    a: int
    b: list = field(default_factory=list, repr=False)
s = Slotted(1)
print(s, hasattr(s, "__dict__"), Slotted.__slots__)
@dataclass
class WithInitVar:
    total: int = 0
    factor: InitVar[int] = 1
    def __post_init__(self, factor):
        self.total *= factor
print(WithInitVar(3, 4), WithInitVar(5))
@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1), Base(1) == Base(1), Base(1) == Child(1), Base(1) != Base(2))
@dataclass(unsafe_hash=True)
class Hashable:
    v: int
print(hash(Hashable(1)) == hash(Hashable(1)), len({Hashable(1), Hashable(1)}))
