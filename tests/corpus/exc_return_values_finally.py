# What a function returns when try/except/else/finally all have return statements.
def f(kind):
    try:
        if kind == "raise":
            raise ValueError
        return "try"
    except ValueError:
        return "except"
    else:
        return "else (unreachable: try returned)"
    finally:
        print("finally for", kind)
print(f("ok"), f("raise"))
def g(kind):
    try:
        if kind == "raise":
            raise ValueError
    except ValueError:
        return "except"
    else:
        return "else"
    finally:
        if kind == "override":
            return "finally override"
print(g("ok"), g("raise"), g("override"))
def h():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
    return "loop finished"
print(h())
def count_finally():
    n = 0
    try:
        n += 1
        return n
    finally:
        n += 100
        print("n in finally", n)
print(count_finally())
