# return/break/continue inside finally and except override pending exceptions/returns.
def ret_in_finally():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(ret_in_finally())
def ret_override():
    try:
        return "try"
    finally:
        return "finally"
print(ret_override())
def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "broke at %d" % i
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise RuntimeError("swallowed")
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())
def return_in_except():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("finally still runs")
print(return_in_except())
def break_in_except():
    for i in range(5):
        try:
            raise ValueError
        except ValueError:
            if i == 2:
                break
            continue
        finally:
            print("finally", i)
    return i
print(break_in_except())
def finally_sees_return_value():
    x = "before"
    try:
        return x
    finally:
        x = "after"
print(finally_sees_return_value())
def nested_finally():
    try:
        try:
            return 1
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(nested_finally())
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
for v in gen_with_finally():
    print(v)
    break
