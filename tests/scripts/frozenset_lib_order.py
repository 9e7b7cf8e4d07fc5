"""How CPython 3.11 orders the frozenset constants of real code, and how well the
rules of crates/compiler/src/frozenset.rs predict it:

    PYTHONHASHSEED=0 python3 tests/scripts/frozenset_lib_order.py [DIR]

For every set display of constants after `in`, iterated by `for`, or of 3+
constants anywhere (`starunpack_helper`) in the .py files
under DIR (default: the running CPython's Lib, tests included), compares the order
of the frozenset constant `compile()` leaves with b1 = list(frozenset(items)), b2 =
the same rebuilt once (`merge_consts_recursive`), b3 = rebuilt twice (the
`intern_string_constants` rebuild), and with Krait's rule: b3 if any item is a
name-like str (`all_name_chars`) of 2+ characters or a one-character string of
`ONE_CHAR_INTERNED`, else b2. Prints the counts and the sets the rule gets wrong.
"""
import ast
import glob
import os
import sys
import warnings
import dis  # noqa: F401  (the modules `python3 -m dis` has loaded)
import argparse  # noqa: F401

warnings.simplefilter("ignore")
ONE_CHAR_INTERNED = set("BCLST_abcdefhijklmnopqrstvwxy")


def name_like(s):
    return isinstance(s, str) and all(c.isascii() and (c.isalnum() or c == "_") for c in s)


def likely_interned(s):
    return len(s) >= 2 or s in ONE_CHAR_INTERNED


def source_sets(tree):
    found = []

    def visit(e):
        if isinstance(e, ast.Set) and all(isinstance(x, ast.Constant) for x in e.elts):
            found.append([x.value for x in e.elts])

    for n in ast.walk(tree):
        if isinstance(n, ast.Compare) and isinstance(n.ops[-1], (ast.In, ast.NotIn)):
            visit(n.comparators[-1])
        if isinstance(n, (ast.For, ast.AsyncFor, ast.comprehension)):
            visit(n.iter)
        if isinstance(n, ast.Set) and len(n.elts) >= 3:
            visit(n)  # starunpack_helper: BUILD_SET + SET_UPDATE of a frozenset
    return found


def code_sets(co, out):
    for c in co.co_consts:
        if type(c) is frozenset:
            out.append(list(c))
        elif hasattr(c, "co_consts"):
            code_sets(c, out)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.__file__)
    stats = dict(sets=0, b1=0, b2=0, b3=0, rule=0)
    wrong = []
    for path in sorted(glob.glob(root + "/**/*.py", recursive=True)):
        if "site-packages" in path:
            continue
        try:
            src = open(path, "rb").read()
            tree = ast.parse(src)
            co = compile(src, path, "exec")
        except Exception:
            continue
        compiled = []
        code_sets(co, compiled)
        for items in source_sets(tree):
            b1 = list(frozenset(items))
            b2 = list(frozenset(b1))
            b3 = list(frozenset(b2))
            if len(b1) < 2:
                continue
            same = [c for c in compiled if len(c) == len(b1) and set(c) == set(b1)]
            if not same:
                continue
            got = same[0]
            stats["sets"] += 1
            stats["b1"] += got == b1
            stats["b2"] += got == b2
            stats["b3"] += got == b3
            rebuilt = any(name_like(s) and likely_interned(s) for s in b2)
            if got == (b3 if rebuilt else b2):
                stats["rule"] += 1
            else:
                wrong.append((os.path.relpath(path, root), items))
    print(stats)
    for w in wrong:
        print(*w)


main()
