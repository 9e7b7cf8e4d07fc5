"""Print python3's symbol table for a source file in the format of Krait's
`compiler::symtable::dump` (crates/compiler/src/symtable/dump.rs), for differential tests.

Usage: python3 tests/scripts/symtable_dump.py FILE

Every block is printed in pre-order (children in the order CPython records them):
    <indent>block <type> <name> line=<lineno> nested=<0|1>
    <indent>  varnames <name> ...            (function blocks only)
    <indent>  sym <name> <SCOPE> <FLAG|FLAG|...>   (symbols sorted by name)
On a SyntaxError it prints one line:
    error <type> <msg!r> <lineno> <offset> <end_lineno> <end_offset>
"""
import sys
import symtable

FLAGS = [
    (1, "DEF_GLOBAL"), (2, "DEF_LOCAL"), (4, "DEF_PARAM"), (8, "DEF_NONLOCAL"),
    (16, "USE"), (32, "DEF_FREE"), (64, "DEF_FREE_CLASS"), (128, "DEF_IMPORT"),
    (256, "DEF_ANNOT"), (512, "DEF_COMP_ITER"),
]
SCOPES = {0: "NONE", 1: "LOCAL", 2: "GLOBAL_EXPLICIT", 3: "GLOBAL_IMPLICIT", 4: "FREE", 5: "CELL"}
TYPES = {0: "function", 1: "class", 2: "module"}
SCOPE_OFF = 11


def flag_names(flags):
    names = [n for bit, n in FLAGS if flags & bit]
    return "|".join(names) if names else "0"


def dump(ste, depth, out):
    ind = "  " * depth
    out.append(f"{ind}block {TYPES.get(ste.type, ste.type)} {ste.name} line={ste.lineno} nested={int(bool(ste.nested))}")
    if ste.type == 0:
        out.append(f"{ind}  varnames {' '.join(ste.varnames)}".rstrip())
    for name in sorted(ste.symbols):
        flags = ste.symbols[name]
        scope = (flags >> SCOPE_OFF) & 15
        out.append(f"{ind}  sym {name} {SCOPES.get(scope, scope)} {flag_names(flags & ((1 << SCOPE_OFF) - 1))}")
    for child in ste.children:
        dump(child, depth + 1, out)


def main():
    path = sys.argv[1]
    with open(path, "rb") as f:
        src = f.read()
    try:
        table = symtable.symtable(src, path, "exec")
    except SyntaxError as e:
        print(f"error {type(e).__name__} {e.msg!r} {e.lineno} {e.offset} {e.end_lineno} {e.end_offset}")
        return
    except RecursionError as e:
        print(f"error RecursionError {str(e)!r}")
        return
    out = []
    dump(table._table, 0, out)
    print("\n".join(out))


main()
