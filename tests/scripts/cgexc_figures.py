#!/usr/bin/env python3
"""Figures for the code objects that use try/except, except*, with/async with or
match: how many Krait compiles identically to CPython 3.11, field by field (code,
names, flags, stack size, positions, exception table, constants; nested code objects
are counted on their own).

Usage: cgexc_figures.py [--krait PATH] [--stdlib] [--rewrite-others] [FILE_OR_DIR...]
With --rewrite-others each file is first rewritten (ast.unparse) without the
constructs other parts of the compiler still compile differently: `%` becomes `+`,
set displays become lists, f-strings become constants; try/with/match are kept.
A code object counts under a construct when CPython's bytecode for it has the
construct's opcodes (PUSH_EXC_INFO/CHECK_EXC_MATCH, CHECK_EG_MATCH, BEFORE_WITH/
BEFORE_ASYNC_WITH, MATCH_*).
"""

import argparse
import ast
import collections
import dis
import marshal
import os
import subprocess
import sys
import sysconfig
import tempfile
import types
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIELDS = ["co_code", "co_names", "co_varnames", "co_cellvars", "co_freevars", "co_flags",
          "co_stacksize", "co_argcount", "co_kwonlyargcount", "co_posonlyargcount",
          "co_firstlineno", "co_name", "co_qualname", "co_exceptiontable", "co_linetable"]
OPS = {name: dis.opmap[name] for name in dis.opmap}
MATCH = {OPS[o] for o in ("MATCH_CLASS", "MATCH_MAPPING", "MATCH_SEQUENCE", "MATCH_KEYS")}
WITH = {OPS["BEFORE_WITH"], OPS["BEFORE_ASYNC_WITH"]}


def constructs(co):
    ops = set(co.co_code[::2])
    kinds = set()
    if ops & MATCH:
        kinds.add("match")
    if ops & WITH:
        kinds.add("with")
    if OPS["CHECK_EG_MATCH"] in ops:
        kinds.add("except*")
    if OPS["CHECK_EXC_MATCH"] in ops or (OPS["PUSH_EXC_INFO"] in ops and not ops & WITH):
        kinds.add("try")
    return kinds


def same_object(a, b):
    """a and b agree, nested code objects compared by name only."""
    if b is None or any(getattr(a, f) != getattr(b, f) for f in FIELDS):
        return False
    if len(a.co_consts) != len(b.co_consts):
        return False
    for x, y in zip(a.co_consts, b.co_consts):
        if isinstance(x, types.CodeType):
            if not isinstance(y, types.CodeType) or x.co_name != y.co_name:
                return False
        elif type(x) != type(y) or x != y:
            return False
    return True


def walk(a, b, total, same):
    kinds = constructs(a)
    eq = same_object(a, b)
    for k in kinds | ({"any"} if kinds else set()):
        total[k] += 1
        same[k] += eq
    nested_b = [c for c in b.co_consts if isinstance(c, types.CodeType)] if b is not None else []
    nested_a = [c for c in a.co_consts if isinstance(c, types.CodeType)]
    for i, c in enumerate(nested_a):
        walk(c, nested_b[i] if i < len(nested_b) else None, total, same)


class RewriteOthers(ast.NodeTransformer):
    """The rewrite behind --rewrite-others."""

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Mod):
            node.op = ast.Add()
        return node

    def visit_Set(self, node):
        self.generic_visit(node)
        return ast.List(elts=node.elts, ctx=ast.Load())

    def visit_JoinedStr(self, node):
        return ast.Constant("s")


def rewritten(files, outdir):
    """Copies of the files without what RewriteOthers removes."""
    out = []
    for i, path in enumerate(files):
        try:
            with open(path, "rb") as f:
                tree = ast.parse(f.read())
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                text = ast.unparse(ast.fix_missing_locations(RewriteOthers().visit(tree))) + "\n"
        except Exception:
            continue
        dest = os.path.join(outdir, "%05d_%s" % (i, os.path.basename(path)))
        with open(dest, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(text)
        out.append(dest)
    return out


def files_of(paths, stdlib):
    out = []
    roots = list(paths) + ([sysconfig.get_paths()["stdlib"]] if stdlib else [])
    for p in roots:
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
                out += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py")]
        else:
            out.append(p)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--stdlib", action="store_true")
    ap.add_argument("--krait", default=os.path.join(ROOT, "target", "debug", "krait"))
    ap.add_argument("--rewrite-others", action="store_true")
    args = ap.parse_args()
    work = tempfile.mkdtemp()
    pyc = os.path.join(work, "out.pyc")
    files = files_of(args.paths, args.stdlib)
    if args.rewrite_others:
        files = rewritten(files, work)
    total, same = collections.Counter(), collections.Counter()
    for path in files:
        try:
            with open(path, "rb") as f:
                src = f.read()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                want = compile(src, path, "exec")
        except Exception:
            continue
        got = None
        run = subprocess.run([args.krait, "--compile", path, "-o", pyc], capture_output=True)
        if run.returncode == 0:
            try:
                with open(pyc, "rb") as f:
                    got = marshal.loads(f.read()[16:])
            except Exception:
                got = None
        walk(want, got, total, same)
    for k in ("any", "try", "except*", "with", "match"):
        print("%-8s %6d of %6d code objects identical (%.2f%%)"
              % (k, same[k], total[k], 100.0 * same[k] / max(total[k], 1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
