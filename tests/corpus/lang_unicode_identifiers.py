# Unicode identifiers, NFKC normalisation of names, non-ASCII strings in source.
café = "coffee"
π = 3.14159
変数 = "variable"
print(café, π, 変数)
ﬁle = "ligature fi"
print(file if "file" in dir() else "normalised name missing", ﬁle)
class Ünïcode:
    def méthode(self): return "ok"
print(Ünïcode().méthode(), Ünïcode.__name__)
def λ(x): return x + 1
print(λ(1), λ.__name__)
ℌ = "fraktur H"
print(H)
print("日本語".encode(), len("日本語"), "émoji 😀"[-1])
