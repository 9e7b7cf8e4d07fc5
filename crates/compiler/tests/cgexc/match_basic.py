def m1(x):
    match x:
        case 1:
            return "one"
        case "a" | "b":
            return "ab"
        case None:
            return None
        case True:
            pass
        case _:
            return "other"

def m2(x):
    match x:
        case [a, b]:
            return a + b
        case [a, *rest]:
            return rest
        case [*_, last]:
            return last
        case [first, *_, last]:
            return first, last
        case []:
            pass
        case [_, _, *_]:
            pass

def m3(x):
    match x:
        case {"k": v, "j": w}:
            return v, w
        case {"k": v, **rest}:
            return rest
        case {}:
            return 0
        case {**rest}:
            return rest

def m4(x):
    match x:
        case Point(x=0, y=yy):
            return yy
        case Point(1, 2, z=_):
            pass
        case Point():
            pass
        case int(n) if n > 0:
            return n
        case str() as s:
            return s

def m5(x):
    match x:
        case [a, b] | [b, a]:
            return a, b
        case (1 | 2 | 3) as n:
            return n
        case {"a": [x, y]} | Point(x, y):
            return x, y
        case y if y:
            return y
        case z:
            return z

def m6(x):
    match x:
        case C.attr:
            pass
        case -1:
            pass
        case 1+2j:
            pass
        case b"x":
            pass

def m7(x):
    for i in x:
        match i:
            case 0:
                break
            case 1:
                continue
            case _ if i > 3:
                return i

def m8(x):
    match x:
        case _:
            return 1

def m9(x):
    match x:
        case [[a, b], {"k": [c, *d]}, Point(e, f=g)] if a:
            return a, b, c, d, e, g
        case (a, b, *c, d, e):
            pass
        case [a, ([b] | (b, 1)), *_, ({"x": c} | [c, _])]:
            pass

match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case _:
        pass
