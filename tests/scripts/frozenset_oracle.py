"""What CPython 3.11 (run with PYTHONHASHSEED=0) makes of sets of constants, for the
differential test crates/compiler/tests/frozenset_diff.rs:

    PYTHONHASHSEED=0 python3 tests/scripts/frozenset_oracle.py < cases

Each input line is a case: a Python list literal of strings to intern first, a tab,
then the items of a set display as source text (`1, 'a', (2, b'x')`). For each case
it prints three lines:
    H hash(item) for each item, space-separated (items as `ast.literal_eval` makes them);
    O list(frozenset(items)), each item in `canon` form, joined by \\x1f;
    C the frozenset constant `compile('x in {ITEMS}')` leaves in co_consts, in
      iteration order, after interning fresh copies of the listed strings (so the
      compiler's `intern_string_constants` finds them already interned).
"""
import ast
import os
import sys
import warnings

warnings.simplefilter("ignore")

if os.environ.get("PYTHONHASHSEED") != "0":
    sys.exit("run with PYTHONHASHSEED=0")


def canon(v):
    """Type and repr; tuples item by item."""
    if type(v) is tuple:
        return "(" + ", ".join(canon(x) for x in v) + ",)"
    return type(v).__name__ + ":" + repr(v)


keep = []  # keeps the interned copies alive (interned strings are mortal in 3.11)
out = sys.stdout
for line in sys.stdin:
    line = line.rstrip("\n")
    if not line:
        continue
    interned, src = line.split("\t", 1)
    for s in ast.literal_eval(interned):
        fresh = "".join(list(s))
        keep.append(sys.intern(fresh))
    items = ast.literal_eval("[" + src + "]")
    out.write("H " + " ".join(str(hash(x)) for x in items) + "\n")
    out.write("O " + "\x1f".join(canon(x) for x in frozenset(items)) + "\n")
    code = compile("x in {" + src + "}", "<set>", "eval")
    sets = [c for c in code.co_consts if type(c) is frozenset]
    out.write("C " + ("\x1f".join(canon(x) for x in sets[0]) if sets else "?") + "\n")
