# match over tuples and strings from a small command language; guard side effects.
def run(cmds):
    pos, log = [0, 0], []
    for cmd in cmds:
        match cmd.split():
            case ["move", ("up" | "down") as d, n] if n.isdigit():
                pos[1] += int(n) if d == "up" else -int(n)
            case ["move", ("left" | "right") as d, n] if n.isdigit():
                pos[0] += int(n) if d == "right" else -int(n)
            case ["move", *_]:
                log.append("bad move: " + cmd)
            case ["say", *words] if words:
                log.append(" ".join(words))
            case ["reset"]:
                pos = [0, 0]
            case [] :
                log.append("empty")
            case [other, *_]:
                log.append("unknown " + other)
    return pos, log
print(run(["move up 3", "move left 2", "move sideways 1", "say hi there", "", "jump", "move down x", "move right 10"]))
print(run(["move up 1", "reset", "move down 2"]))
