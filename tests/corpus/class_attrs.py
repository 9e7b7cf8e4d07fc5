# Class and instance attributes, __dict__, vars, dir of a class, name mangling.
class Account:
    bank = "KB"
    count = 0
    def __init__(self, owner):
        self.owner = owner
        self.__secret = owner[::-1]
        Account.count += 1
    def secret(self): return self.__secret
a = Account("ann"); b = Account("bob")
print(Account.count, a.bank, vars(a))
a.bank = "own"
print(a.bank, b.bank, Account.bank)
print(a.secret(), a._Account__secret)
try:
    a.__secret
except AttributeError as e:
    print("AttributeError:", e)
print(sorted(k for k in vars(Account) if not k.startswith("__")))
print([n for n in dir(Account) if not n.startswith("__")])
print(Account.__name__, Account.__qualname__, Account.__doc__, Account.__module__)
Account.new_attr = "added"
print(a.new_attr, getattr(b, "missing", "default"), hasattr(a, "owner"))
setattr(a, "dyn", 1); delattr(a, "dyn")
print(hasattr(a, "dyn"))
print(type(Account.__dict__).__name__, "owner" in Account.__dict__)
class _Private:
    __x = 1
    def get(self): return self.__x
print(_Private().get(), "_Private__x" in vars(_Private))
