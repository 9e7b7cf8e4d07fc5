# str methods: results and CPython's error messages.
def show(f):
    try:
        r = f()
    except Exception as e:
        r = e
    print(repr(r))

for s in ["", "a", "hello world", "  spaced  out  ", "a,b,,c", "line1\nline2\r\nline3\r", "MiXeD CaSe", "tab\there", "ß straße", "ǅungla", "123", "١٢٣", "x\u2028y"]:
    print(repr(s))
    for m in ["upper", "lower", "casefold", "capitalize", "title", "swapcase", "isdecimal", "isdigit",
              "isnumeric", "isalpha", "isalnum", "isspace", "isprintable", "isascii", "isidentifier",
              "islower", "isupper", "istitle", "split", "rsplit", "splitlines", "strip", "lstrip", "rstrip",
              "expandtabs"]:
        show(lambda: getattr(s, m)())
    show(lambda: s.splitlines(True))
    show(lambda: s.split(","))
    show(lambda: s.split(None, 1))
    show(lambda: s.rsplit(None, 1))
    show(lambda: s.rsplit(",", maxsplit=1))
    show(lambda: s.partition("l"))
    show(lambda: s.rpartition("l"))
    show(lambda: s.find("l"))
    show(lambda: s.rfind("l"))
    show(lambda: s.find("l", 3))
    show(lambda: s.find("l", -3, -1))
    show(lambda: s.count("l"))
    show(lambda: s.count(""))
    show(lambda: s.count("", 2, 5))
    show(lambda: s.index("o"))
    show(lambda: s.rindex("o", 0, 6))
    show(lambda: s.startswith("he"))
    show(lambda: s.startswith(("x", "a", "h"), 0))
    show(lambda: s.endswith("d", 0, 11))
    show(lambda: s.endswith(("", "q")))
    show(lambda: s.replace("l", "L"))
    show(lambda: s.replace("l", "L", 1))
    show(lambda: s.replace("", "-"))
    show(lambda: s.center(15, "*"))
    show(lambda: s.ljust(12))
    show(lambda: s.rjust(12, "."))
    show(lambda: s.zfill(8))
    show(lambda: s.expandtabs(4))
    show(lambda: s.strip("ad "))
    show(lambda: s.removeprefix("he"))
    show(lambda: s.removesuffix("ld"))
    show(lambda: s.translate({ord("l"): "LL", ord("o"): None, ord("a"): 66}))
    show(lambda: "-".join(s))

show(lambda: ",".join(["a", "b", "c"]))
show(lambda: ",".join(x for x in "xyz"))
show(lambda: "".join([]))
show(lambda: "-12".zfill(6))
show(lambda: "+".zfill(3))
show(lambda: str.maketrans("abc", "xyz", "d"))
show(lambda: "abcd".translate(str.maketrans("abc", "xyz", "d")))
show(lambda: str.maketrans({"a": "b", 99: None}))
show(lambda: "{} {}".format(1, "x"))
show(lambda: "{0!r:>6} {name}".format("s", name=3.5))
show(lambda: "{a[0]} {b.real} {c[k]}".format(a=[7], b=2, c={"k": "v"}))
show(lambda: "{:{w}.{p}f}".format(3.14159, w=10, p=3))
show(lambda: "{x}-{y}".format_map({"x": 1, "y": 2}))
show(lambda: "{:^9}|{:<4}|{:>4}".format("mid", "l", "r"))
show(lambda: format("abc", "*^7"))
show(lambda: "abc".__format__(">5"))
show(lambda: "{0}{1}".format("only"))
show(lambda: "{".format())
show(lambda: "}".format())
show(lambda: "{!x}".format(1))
show(lambda: "{0:d}".format("s"))
show(lambda: "{a.nope}".format(a=1))
show(lambda: "abc".__format__("d"))

tests = [
 lambda: "a".find(), lambda: "a".find(1), lambda: "a".find("a",1,2,3), lambda: "a".find("a","x"),
 lambda: "a".count(1), lambda: "a".index("b"), lambda: "a".rindex("b"),
 lambda: "a".split(1), lambda: "a".split(""), lambda: "a".split("a", "b"), lambda: "a".split(x=1), lambda: "a".split(1,2,3),
 lambda: "a".strip(1), lambda: "a".lstrip(1), lambda: "a".center(), lambda: "a".center("x"), lambda: "a".center(5,"xy"), lambda: "a".center(5, 1),
 lambda: "a".zfill("x"), lambda: "a".replace(1,"b"), lambda: "a".replace("a",1), lambda: "a".replace("a"), lambda: "a".join([1]), lambda: "a".join(5),
 lambda: "a".partition(""), lambda: "a".partition(1), lambda: "a".startswith(1), lambda: "a".endswith(("a",1)), lambda: "a".upper(1),
 lambda: "a".expandtabs("x"), lambda: "a".splitlines(1.5), lambda: "a".removeprefix(1), lambda: "a".ljust(3, ""), lambda: str.maketrans(1), lambda: str.maketrans("ab","c"),
 lambda: str.maketrans({"ab":1}), lambda: "a".translate(1), lambda: "a".format_map(1), lambda: "{}".format_map({}), lambda: "{0}".format(), lambda: "{x}".format(),
 lambda: "a".isdigit(1), lambda: str.upper(1), lambda: "a".count(), lambda:"a".rsplit(maxsplit="x"), lambda: "a".title(x=1),
 lambda: "a".startswith(("a",), "x"), lambda: "a".endswith(("b", 2)), lambda: "abc".split(sep="b", maxsplit=0),
]
for t in tests:
    show(t)
