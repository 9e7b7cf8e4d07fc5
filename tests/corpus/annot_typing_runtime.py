# typing constructs at run time: get_type_hints, TypedDict, Protocol, Generic, TypeVar.
import typing
from typing import TypeVar, Generic, Protocol, TypedDict, Literal, get_args, get_origin
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
    def get(self) -> T: return self.v
print(Box[int](5).get(), Box.__parameters__, get_origin(Box[int]) is Box, get_args(dict[str, int]))
class Movie(TypedDict):
    title: str
    year: int
m: Movie = {"title": "x", "year": 1}
print(m, Movie.__required_keys__ == frozenset({"title", "year"}), sorted(typing.get_type_hints(Movie)))
class Closer(Protocol):
    def close(self) -> None: ...
@typing.runtime_checkable
class Sized2(Protocol):
    def __len__(self) -> int: ...
print(isinstance([], Sized2), isinstance(1, Sized2))
print(get_args(Literal["a", "b"]), typing.Optional[int], repr(typing.Any), typing.cast(int, "s"))
def overloaded(x: typing.Union[int, str]) -> typing.List[int]: return [x]
print(typing.get_type_hints(overloaded))
