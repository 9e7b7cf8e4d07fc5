# del on globals from functions, NameError vs UnboundLocalError messages, free-variable errors.
g = "global"
def delete_global():
    global g
    del g
delete_global()
print("g" in globals())
try:
    delete_global()
except NameError as e:
    print("NameError:", e)
def local_before_assignment():
    try:
        print(v)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    v = 1
local_before_assignment()
def free_before_assignment():
    def inner():
        return w
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    w = 2
    return inner()
print(free_before_assignment())
def del_then_use():
    z = 1
    del z
    try:
        del z
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
del_then_use()
class C:
    attr = 1
    del attr
print(hasattr(C, "attr"))
