# Instance __dict__ manipulation, __class__ checks, object.__setattr__, vars() views.
class P:
    cls_attr = "class"
p = P()
p.__dict__["a"] = 1
p.b = 2
print(p.a, vars(p), p.__dict__ is vars(p))
p.__dict__.clear()
print(vars(p), p.cls_attr)
object.__setattr__(p, "c", 3)
print(p.c, P.__dict__["cls_attr"], "cls_attr" in vars(p))
p.__dict__ = {"replaced": True}
print(vars(p))
try:
    p.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    P.__dict__["new"] = 1
except TypeError as e:
    print("TypeError:", e)
setattr(P, "new", "via setattr")
print(p.new, type(P.__dict__).__name__)
