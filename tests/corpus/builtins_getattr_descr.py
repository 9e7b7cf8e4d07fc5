# getattr on builtin types' methods, classmethods of builtins, unbound calls.
print(str.join(",", "ab"), list.__len__([1, 2]), dict.get({"a": 1}, "a"), int.from_bytes(b"\x10", "big"))
print(float.fromhex("0x10"), bytes.fromhex("41"), dict.fromkeys("a"), str.maketrans("a", "b"))
print(type(str.__dict__["join"]).__name__, type(dict.__dict__["fromkeys"]).__name__, type(int.__dict__["real"]).__name__)
print(type([].append).__name__, type(len).__name__, type(object.__str__).__name__, type((1).__add__).__name__)
try:
    str.upper(5)
except TypeError as e:
    print("TypeError:", e)
print(getattr(list, "append")(l := [], 1) or l, getattr(str, "upper")("x"))
