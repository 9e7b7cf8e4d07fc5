# Operator dunder methods of builtin types.
print((3).__add__(4), (3).__radd__(4), (3).__sub__(1.5), (3).__rsub__(10), (2.5).__mul__(2), (7).__floordiv__(2), (7).__mod__(3))
print("a".__add__("b"), "ab".__mul__(2), "ab".__rmul__(2), "%d".__mod__(5), [1].__add__([2]), (1,).__mul__(2))
print((3).__eq__(3), (3).__lt__(2.5), "a".__le__("b"), [1].__eq__([1]), (1).__eq__("x"), (1).__add__("x"))
print((5).__neg__(), (-5).__abs__(), (0).__bool__(), (1.5).__neg__(), (3).__hash__() == hash(3), "x".__hash__() == hash("x"))
print({1}.__or__({2}), {1, 2}.__and__({2}), {"a": 1}.__or__({"b": 2}), (1 + 2j).__mul__(2), (6).__and__(3), (1).__lshift__(4))
class N(list):
    def __add__(self, o):
        return ("N", super().__add__(o))
print(N([2]) + [3], (5).__invert__(), (2.5).__abs__(), (-3).__pos__())
class S(str):
    def __eq__(self, o):
        return super().__eq__(o.lower())
    __hash__ = str.__hash__
print(S("ab") == "AB", hash(S("ab")) == hash("ab"))
