#!/usr/bin/env python3
"""Differential test harness: run Krait and CPython 3.11 over the same inputs and
compare, with a readable report of the differences.

Layers (ARCHITECTURE.md section 10):
  ast    `krait --dump-ast FILE` against
         `ast.dump(ast.parse(src, FILE), include_attributes=True)`; for source CPython
         rejects, Krait's stderr against CPython's uncaught-SyntaxError report and exit 1.

Inputs are files or directories (searched for *.py); `--stdlib` adds every .py file
of the installed CPython's stdlib (site-packages skipped); `--subset N` keeps an even
spread of N of them (the fast subset the test suite runs).

Exit status: 0 when everything matched, 1 otherwise.
"""

import argparse
import ast
import concurrent.futures as futures
import difflib
import os
import subprocess
import sys
import sysconfig

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def stdlib_files():
    """Every .py file of the stdlib, site-packages excluded, in a stable order."""
    base = sysconfig.get_paths()["stdlib"]
    out = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if d != "site-packages" and d != "__pycache__")
        for f in sorted(filenames):
            if f.endswith(".py"):
                out.append(os.path.join(dirpath, f))
    return out


def expand(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames.sort()
                out.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
        else:
            out.append(p)
    return out


def cpython_syntax_error_report(path):
    """What CPython prints for an uncaught SyntaxError in `path` (the SyntaxError block
    only, without the traceback of the -c wrapper)."""
    code = "import ast,sys; ast.parse(open(sys.argv[1],'rb').read(), sys.argv[1])"
    r = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True,
                       errors="surrogateescape")
    lines = r.stderr.splitlines(keepends=True)
    # Drop "Traceback (most recent call last):" and the wrapper's frames: the report
    # starts at the first line naming the file itself.
    marker = '  File "%s", line ' % path
    for i, line in enumerate(lines):
        if line.startswith(marker):
            return "".join(lines[i:])
    # No position (e.g. null bytes): CPython prints only the exception line.
    return lines[-1] if lines else r.stderr


REFERENCE_DUMP = ("import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1],'rb').read(), sys.argv[1]), "
                  "include_attributes=True))")


def expected_ast(path):
    """(exit code, stdout, stderr) that `krait --dump-ast path` must produce: what the
    reference command `python3 -c REFERENCE_DUMP path` prints, with only the exception
    part of its stderr (no traceback of the -c wrapper)."""
    with open(path, "rb") as f:
        src = f.read()
    try:
        tree = ast.parse(src, path)
    except (SyntaxError, ValueError):
        return 1, "", cpython_syntax_error_report(path)
    except (RecursionError, MemoryError):
        # ast.parse's depth budget depends on the caller's stack depth: rerun the
        # reference command itself, where ast.parse is called from the top level.
        r = subprocess.run([sys.executable, "-c", REFERENCE_DUMP, path], capture_output=True, text=True,
                           errors="surrogateescape")
        if r.returncode == 0:
            return 0, r.stdout, ""
        lines = r.stderr.splitlines(keepends=True)
        return 1, "", lines[-1] if lines else ""
    return 0, ast.dump(tree, include_attributes=True) + "\n", ""


def run_krait(krait, args, timeout=60):
    try:
        r = subprocess.run([krait] + args, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "", "TIMEOUT after %ss" % timeout
    return (r.returncode, r.stdout.decode("utf-8", "surrogateescape"),
            r.stderr.decode("utf-8", "surrogateescape"))


def compare_ast(krait, path):
    """None when Krait matches CPython on `path`, else a description of the difference."""
    want = expected_ast(path)
    got = run_krait(krait, ["--dump-ast", path])
    if got == want:
        return None
    parts = []
    if got[0] != want[0]:
        parts.append("exit code: krait %r, cpython %r" % (got[0], want[0]))
    for name, g, w in (("stdout", got[1], want[1]), ("stderr", got[2], want[2])):
        if g != w:
            parts.append(first_difference(name, g, w))
    return "\n".join(parts)


def first_difference(name, got, want, context=60):
    """A short, readable account of where two long outputs first differ."""
    if "\n" not in want.rstrip("\n") and len(want) > 400:
        # One long line (an AST dump): show the neighbourhood of the first difference.
        i = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        lo = max(0, i - context)
        return ("%s differs at char %d:\n  krait:   ...%s...\n  cpython: ...%s..."
                % (name, i, got[lo:i + context], want[lo:i + context]))
    diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "cpython", "krait", lineterm="", n=1)
    return "%s:\n%s" % (name, "\n".join(list(diff)[:30]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("layer", choices=["ast"])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--stdlib", action="store_true", help="add every stdlib .py file")
    ap.add_argument("--subset", type=int, default=0, help="keep an even spread of N files")
    ap.add_argument("--krait", default=os.path.join(ROOT, "target", "release", "krait"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--show", type=int, default=15, help="differences to print in full")
    args = ap.parse_intermixed_args()

    files = expand(args.paths)
    if args.stdlib:
        files += stdlib_files()
    if args.subset and len(files) > args.subset:
        step = len(files) / args.subset
        files = [files[int(i * step)] for i in range(args.subset)]
    if not files:
        ap.error("no input files")
    if not os.path.exists(args.krait):
        ap.error("no krait binary at %s (build it, or pass --krait)" % args.krait)

    failures = []
    with futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for path, diff in zip(files, pool.map(lambda p: compare_ast(args.krait, p), files)):
            if diff is not None:
                failures.append((path, diff))

    for path, diff in failures[:args.show]:
        print("FAIL %s\n%s\n" % (path, diff))
    for path, _ in failures[args.show:]:
        print("FAIL %s" % path)
    passed = len(files) - len(failures)
    print("%s: %d of %d files identical (%.2f%%)" % (args.layer, passed, len(files), 100.0 * passed / len(files)))
    print("%d passed, %d failed" % (passed, len(failures)))
    return 0 if not failures else 1


def use_fixed_hash_seed():
    """Run this harness, and every CPython it starts, with PYTHONHASHSEED=0: str and
    bytes hashes decide set and frozenset order, which `dis` listings show (frozenset
    constants), and Krait fixes the key to seed 0's."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)


if __name__ == "__main__":
    use_fixed_hash_seed()
    sys.exit(main())
