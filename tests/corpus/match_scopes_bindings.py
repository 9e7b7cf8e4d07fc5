# Names bound by match patterns are ordinary locals/globals; partial bindings after failed cases.
def f(subject):
    match subject:
        case [a, b, 0]:
            pass
        case [a, b, c]:
            return "second case", a, b, c
    return "fell through", locals().get("a", "unbound")
print(f([1, 2, 3]), f([1, 2, 0]), f(5))
def in_closure(data):
    match data:
        case {"k": v}:
            return lambda: v
    return lambda: "no k"
print(in_closure({"k": "captured"})(), in_closure({})())
match [1, [2, 3]]:
    case [g1, [g2, g3]]:
        pass
print(g1, g2, g3, "g1" in globals())
class C:
    match {"attr": 5}:
        case {"attr": class_level}:
            pass
print(C.class_level)
