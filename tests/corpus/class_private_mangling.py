# Private name mangling in methods, class attributes, nested classes and getattr strings.
class Outer:
    __secret = "outer secret"
    def reveal(self): return self.__secret
    def via_getattr(self): return getattr(self, "__secret", "getattr does not mangle")
    class __Inner:
        value = "inner"
    def inner(self): return self.__Inner.value
    def __dunder__(self): return "dunder names are not mangled"
class Sub(Outer):
    __secret = "sub secret"
    def reveal_sub(self): return self.__secret
s = Sub()
print(s.reveal(), s.reveal_sub(), s.via_getattr(), s.inner(), s.__dunder__())
print(sorted(k for k in vars(Outer) if "secret" in k or "Inner" in k), sorted(k for k in vars(Sub) if "secret" in k))
def outside():
    return Outer._Outer__secret
print(outside())
class _Leading:
    __x = 1
print(vars(_Leading).get("_Leading__x"))
class __Dunders:
    __y = 2
print([k for k in vars(__Dunders) if k.endswith("y")])
