# match sequence patterns: fixed length, star, nested, str is not a sequence here.
def describe(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return "one: %r" % (x,)
        case [x, y]:
            return "two: %r %r" % (x, y)
        case [0, *rest]:
            return "starts with 0, rest %r" % (rest,)
        case [first, *_, last] if first == last:
            return "same ends %r" % (first,)
        case [[a, b], *others]:
            return "nested pair %r %r +%d" % (a, b, len(others))
        case (a, b, *mid, z):
            return "long: %r %r %r %r" % (a, b, mid, z)
        case _:
            return "not a sequence"
for s in ([], [1], (1, 2), [0, 1, 2], [5, 6, 5], [[1, 2], 3, 4], range(5), "abc", {1: 2}, 7, b"xy", bytearray(b"ab")):
    print(repr(s), "->", describe(s))
match list("abc"):
    case ["a", *middle, "c"]:
        print("middle", middle)
import collections
match collections.deque([1, 2, 3]):
    case [1, *r]:
        print("deque matched", r)
