class Box:
    def __class_getitem__(cls, item): return f"Box[{item}]"
print(Box[int], Box[3])
print(list[int], dict[str, list[int]], type(list[int]).__name__, tuple[int, ...])
print(list[int]([1, 2]), list[int].__origin__, list[int].__args__)
class C: pass
try: C[int]
except TypeError as e: print(e)
u = int | str
print(u, type(u).__name__, u.__args__, int | None, None | int, int | int, (int | str) | None)
print(isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | None))
print(list[int] | None)
class A: pass
print(A | None)
try: int | 3
except TypeError as e: print(e)
