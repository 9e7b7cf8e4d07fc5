# enum: members, values, iteration, Flag combinations, auto.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED in Color, Color.RED is Color(1))
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
class Perm(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, rw.value, repr(Perm(0)))
class Num(enum.IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO == 2, sorted([Num.TWO, Num.ONE]), f"{Num.TWO}")
class Shape(enum.Enum):
    SQUARE = 1
    ALIAS = 1
print(Shape.ALIAS is Shape.SQUARE, list(Shape.__members__))
