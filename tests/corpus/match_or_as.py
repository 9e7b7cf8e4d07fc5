# Or-patterns binding the same names, as-patterns at several levels, nested alternatives.
def f(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as d]:
            return "going " + d
        case ["pick", "up", item] | ["take", item]:
            return "taking " + item
        case ["drop", *items] as whole if items:
            return "dropping %r from %r" % (items, whole)
        case [("quit" | "exit")]:
            return "bye"
        case [(str() as word)]:
            return "single word " + word
        case _:
            return "?"
for c in ("go north", "go up", "pick up lamp", "take key", "drop a b", "drop", "exit", "look", ""):
    print(repr(c), "->", f(c))
match (1, (2, 3)):
    case (1 | 2 as a, (2, x) | (x, 2)) as whole:
        print(a, x, whole)
match 5:
    case (1 | 2) | (3 | 5) as n:
        print("nested or", n)
