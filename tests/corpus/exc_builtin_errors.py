# Messages of builtin exceptions raised by common operations.
tests = [
    lambda: 1 / 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: divmod(1, 0),
    lambda: [][0],
    lambda: ()[5],
    lambda: "abc"[10],
    lambda: {}["k"],
    lambda: {}[(1, 2)],
    lambda: int("x1"),
    lambda: float("nan?"),
    lambda: None.attr,
    lambda: (1).real.nope,
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: [] * 1.5,
    lambda: len(5),
    lambda: undefined_name,
    lambda: [].pop(),
    lambda: [1].remove(2),
    lambda: "abc".index("z"),
    lambda: {}.popitem(),
    lambda: set().pop(),
    lambda: next(iter([])),
    lambda: int(None),
    lambda: chr(-1),
    lambda: ord("ab"),
    lambda: 2 ** 10000.0,
    lambda: [1, 2].index(3),
    lambda: "x".join([1]),
    lambda: sum(["a"]),
    lambda: abs("s"),
    lambda: object().__dict__,
    lambda: (1, 2) < (1, "a"),
    lambda: {[]: 1},
    lambda: range(1.5),
    lambda: "%d" % "s",
    lambda: "{0}".format(),
    lambda: b"a" + "b",
    lambda: import_fail(),
]
def import_fail():
    import no_such_module_xyz
for t in tests:
    try:
        t()
        print("no error?")
    except Exception as e:
        print(type(e).__name__ + ":", e)
