# callable, len, hash of builtins, id stability (compared, not printed), __import__.
print(callable(len), callable(1), callable(lambda: 0), callable(type), callable("s".upper))
a = []
print(id(a) == id(a), id(a) != id([]), isinstance(id(a), int))
print(len("abc"), len([1, 2]), len({}), len(range(10, 0, -2)), len(b"\x00"), len({1: 2}.keys()))
m = __import__("math")
print(m.sqrt(16), __import__("os.path").path.join.__name__)
print(all(isinstance(hash(x), int) for x in (1, "a", (1,), None, 1.5)))
print(bool.__name__, NotImplemented.__class__.__name__, type(print).__name__, type(len).__name__)
print(list(range(5))[slice(1, None, 2)], object().__class__, type(object.__init__).__name__)
