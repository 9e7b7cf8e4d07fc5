#!/usr/bin/env python3
"""Differential test of the `_ast` module: for each input file, one program runs
under python3 and under Krait and prints

  1. the tree `compile(src, path, "exec", PyCF_ONLY_AST)` returns, printed as
     `ast.dump(tree, include_attributes=True)` would (the printer is in the
     program, using only `_fields`, `_attributes` and class-level defaults, so it
     runs before Krait can import `ast.py` itself);
  2. whether `compile(tree, path, "exec")` gives the same code objects as
     `compile(src, path, "exec")` in that interpreter (co_code, constants, names,
     line and exception tables, recursively).

The source is embedded in the program as a string literal. Reports the files whose
output matched, per part.

    python3 tests/difftest/ast_objects.py --krait target/debug/krait --stdlib [--subset N]
    python3 tests/difftest/ast_objects.py --krait target/debug/krait FILE...
"""

import argparse
import concurrent.futures as futures
import os
import subprocess
import sys
import sysconfig
import tempfile

PROGRAM = r'''
import _ast

def fmt(node):
    if isinstance(node, _ast.AST):
        cls = type(node)
        args = []
        for name in node._fields:
            try:
                value = getattr(node, name)
            except AttributeError:
                continue
            if value is None and getattr(cls, name, ...) is None:
                continue
            args.append('%s=%s' % (name, fmt(value)))
        for name in node._attributes:
            try:
                value = getattr(node, name)
            except AttributeError:
                continue
            if value is None and getattr(cls, name, ...) is None:
                continue
            args.append('%s=%s' % (name, fmt(value)))
        return '%s(%s)' % (cls.__name__, ', '.join(args))
    if isinstance(node, list):
        return '[%s]' % ', '.join(fmt(x) for x in node)
    return repr(node)

FIELDS = ('co_code', 'co_names', 'co_varnames', 'co_freevars', 'co_cellvars',
          'co_linetable', 'co_exceptiontable', 'co_flags', 'co_argcount',
          'co_posonlyargcount', 'co_kwonlyargcount', 'co_stacksize',
          'co_firstlineno', 'co_name', 'co_qualname')

def same_code(a, b, where):
    for f in FIELDS:
        if getattr(a, f) != getattr(b, f):
            return '%s.%s' % (where, f)
    if len(a.co_consts) != len(b.co_consts):
        return '%s.co_consts' % where
    for x, y in zip(a.co_consts, b.co_consts):
        if type(x) is not type(y):
            return '%s.co_consts' % where
        if hasattr(x, 'co_code'):
            d = same_code(x, y, where + '/' + x.co_name)
            if d:
                return d
        elif x != y and x == x:
            return '%s.co_consts' % where
    return None

try:
    tree = compile(SRC, PATH, 'exec', _ast.PyCF_ONLY_AST)
except SyntaxError as e:
    print('PARSE SyntaxError', e.msg)
else:
    print('DUMP', fmt(tree))
    try:
        a = compile(tree, PATH, 'exec')
        b = compile(SRC, PATH, 'exec')
    except SyntaxError as e:
        print('ROUNDTRIP', type(e).__name__, e.msg, e.lineno, e.offset)
    except Exception as e:
        print('ROUNDTRIP', type(e).__name__, e)
    else:
        d = same_code(a, b, '<module>')
        print('ROUNDTRIP', 'same' if d is None else 'differs at ' + d)
'''


def stdlib_files():
    base = sysconfig.get_paths()["stdlib"]
    out = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
        out.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
    return out


def program_for(path, tmpdir):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        src = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    prog = "SRC = %r\nPATH = %r\n%s" % (src, path, PROGRAM)
    out = os.path.join(tmpdir, "%d.py" % (abs(hash(path))))
    with open(out, "w", encoding="utf-8") as f:
        f.write(prog)
    return out


def run(cmd, prog):
    try:
        p = subprocess.run(cmd + [prog], capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return "TIMEOUT"
    out = p.stdout.decode("utf-8", "replace")
    if p.returncode != 0:
        out += "EXIT %d %s" % (p.returncode, p.stderr.decode("utf-8", "replace")[-400:])
    return out


def parts(out):
    dump = rt = ""
    for line in out.splitlines():
        if line.startswith(("DUMP", "PARSE")):
            dump = line
        elif line.startswith("ROUNDTRIP"):
            rt = line
    return dump, rt, out


def check(krait, path, tmpdir):
    prog = program_for(path, tmpdir)
    if prog is None:
        return path, None
    want = parts(run([sys.executable], prog))
    got = parts(run([krait], prog))
    os.unlink(prog)
    return path, (want, got)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", required=True)
    ap.add_argument("--stdlib", action="store_true")
    ap.add_argument("--subset", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("-v", action="store_true", help="show the first differences")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = list(args.files)
    if args.stdlib:
        files += stdlib_files()
    if args.subset and len(files) > args.subset:
        step = len(files) / args.subset
        files = [files[int(i * step)] for i in range(args.subset)]
    dump_ok = rt_ok = total = 0
    failures = []
    with tempfile.TemporaryDirectory() as tmpdir:
        with futures.ThreadPoolExecutor(args.jobs) as ex:
            for path, res in ex.map(lambda p: check(args.krait, p, tmpdir), files):
                if res is None:
                    continue
                total += 1
                (wd, wr, wo), (gd, gr, go) = res
                ok_d = wd == gd and wd != ""
                ok_r = gr == "ROUNDTRIP same" or (gr == wr and (wr != "" or gd.startswith("PARSE")))
                dump_ok += ok_d
                rt_ok += ok_r
                if not (ok_d and ok_r):
                    failures.append((path, ok_d, ok_r, wd, gd, gr, go))
    for path, ok_d, ok_r, wd, gd, gr, go in failures:
        what = []
        if not ok_d:
            what.append("dump")
        if not ok_r:
            what.append("roundtrip: " + (gr or go[-300:].replace("\n", " | ")))
        print("FAIL %s: %s" % (path, "; ".join(what)))
        if args.v and not ok_d:
            i = next((k for k in range(min(len(wd), len(gd))) if wd[k] != gd[k]), min(len(wd), len(gd)))
            print("   want ...%s" % wd[max(0, i - 80):i + 80])
            print("   got  ...%s" % gd[max(0, i - 80):i + 80] if gd else "   got  " + go[-400:])
    print("ast dump: %d/%d files identical; compile(tree) == compile(src): %d/%d" % (dump_ok, total, rt_ok, total))
    return 0 if dump_ok == rt_ok == total else 1


if __name__ == "__main__":
    sys.exit(main())
