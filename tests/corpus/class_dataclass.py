# dataclasses: generated __init__/__repr__/__eq__, ordering, frozen, defaults.
from dataclasses import dataclass, field, asdict, replace, FrozenInstanceError
@dataclass(order=True)
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list, compare=False)
p = Point(1, 2)
print(p, p == Point(1, 2, ["t"]), Point(1, 3) > p, asdict(p))
print(sorted([Point(2), Point(1, 5), Point(1, 1)]))
@dataclass(frozen=True)
class Frozen:
    name: str
f = Frozen("a")
try:
    f.name = "b"
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(replace(f, name="b"), hash(f) == hash(Frozen("a")))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
@dataclass
class Post:
    a: int
    def __post_init__(self):
        self.double = self.a * 2
print(Post(4).double, Post.__match_args__)
