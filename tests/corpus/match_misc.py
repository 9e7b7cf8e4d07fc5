# match statement details: subject evaluated once, binding on failed match, match as name.
calls = 0
def subject():
    global calls
    calls += 1
    return [1, 2]
match subject():
    case [1, 3]:
        pass
    case [1, x]:
        print("x", x)
print("subject evaluated", calls, "time(s)")
match = "match is a soft keyword"
case = "so is case"
print(match, case)
_ = "underscore"
match 5:
    case _:
        print(_)
match {"a": [1, {"b": (2, 3)}]}:
    case {"a": [1, {"b": (_, three)}]}:
        print("deep", three)
match 3:
    case x if x > 5:
        print("big")
    case x:
        print("fallback binds", x)
def no_match():
    match 1:
        case 2:
            return "two"
    return "fell through"
print(no_match())
match (1, 2):
    case [a, b]:
        print("tuple matches list pattern", a, b)
match 1.0:
    case 1:
        print("1.0 == 1 matches literal 1")
match True:
    case 1:
        print("True matches 1")
