#!/usr/bin/env python3
"""Differential test harness: run Krait and CPython 3.11 over the same inputs and
compare, with a readable report of the differences.

Layers (ARCHITECTURE.md section 10):
  ast    `krait --dump-ast FILE` against
         `ast.dump(ast.parse(src, FILE), include_attributes=True)`; for source CPython
         rejects, Krait's stderr against CPython's uncaught-SyntaxError report and exit 1.

  dis    `krait --dis FILE` against `python3 -m dis FILE` (code object addresses
         masked); files CPython cannot compile are skipped. Reports the files and the
         code objects (the "Disassembly of" sections) that are identical, and the
         commonest first differing lines. CPython's listings are made in this process
         (no python3 per file) and cached in target/difftest-dis-cache.json.
         With --codegen-only, each input is first rewritten (into
         target/difftest-codegen-only/) without the constructs other passes own: try/with/match become
         their bodies, `"..." % x` becomes `+`, set displays become lists (constant
         folding turns `%` into f-strings and orders frozensets by hash).

Inputs are files or directories (searched for *.py); `--stdlib` adds every .py file
of the installed CPython's stdlib (site-packages skipped); `--subset N` keeps an even
spread of N of them (the fast subset the test suite runs).

Exit status: 0 when everything matched, 1 otherwise.
"""

import argparse
import ast
import collections
import contextlib
import dis
import io
import json
import re
import warnings
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


ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
DIS_CACHE = os.path.join(ROOT, "target", "difftest-dis-cache.json")


def cpython_dis(path):
    """What `python3 -m dis path` prints, addresses masked; None if CPython cannot
    compile the file."""
    try:
        with open(path, "rb") as f:
            source = f.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            code = compile(source, path, "exec")
    except Exception:
        return None
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        dis.dis(code)
    return ADDRESS.sub(" at 0x?", buf.getvalue())


def cpython_dis_all(files):
    """CPython's listings for all files, from the cache where the file is unchanged."""
    try:
        with open(DIS_CACHE) as f:
            cache = json.load(f)
    except (OSError, ValueError):
        cache = {}
    out, dirty = {}, False
    for path in files:
        try:
            st = os.stat(path)
        except OSError:
            out[path] = None
            continue
        key = "%s|%d|%d" % (os.path.abspath(path), st.st_mtime_ns, st.st_size)
        if key not in cache:
            cache[key] = cpython_dis(path)
            dirty = True
        out[path] = cache[key]
    if dirty:
        os.makedirs(os.path.dirname(DIS_CACHE), exist_ok=True)
        with open(DIS_CACHE, "w") as f:
            json.dump(cache, f)
    return out


def dis_sections(text):
    """A listing split into code objects (at each "Disassembly of" line)."""
    sections, cur = [], []
    for line in text.splitlines():
        if line.startswith("Disassembly of ") and cur:
            sections.append(cur)
            cur = []
        cur.append(line)
    if cur:
        sections.append(cur)
    return sections


def instr_shape(line):
    """The opcode name and argument of a dis line (no line number or offset)."""
    m = re.match(r"^\s*(\d+)?\s+(>>)?\s*\d+ ([A-Z_]+)(.*)$", line)
    if not m:
        return line.strip()
    return (m.group(3) + m.group(4)).strip()


def compare_dis(krait, path, want):
    """(sections identical, sections total, first differences, krait error or None)."""
    code, out, err = run_krait(krait, ["--dis", path])
    want_secs = dis_sections(want)
    if code != 0:
        last = err.strip().splitlines()[-1] if err.strip() else "exit %r" % code
        return 0, len(want_secs), [], last
    got = ADDRESS.sub(" at 0x?", out)
    got_secs = dis_sections(got)
    same, firsts = 0, []
    for i, w in enumerate(want_secs):
        g = got_secs[i] if i < len(got_secs) else []
        if g == w:
            same += 1
            continue
        for k in range(max(len(g), len(w))):
            gl = g[k] if k < len(g) else "<end>"
            wl = w[k] if k < len(w) else "<end>"
            if gl != wl:
                firsts.append((instr_shape(wl), instr_shape(gl), wl, gl))
                break
    return same, len(want_secs), firsts, None


class CodegenOnly(ast.NodeTransformer):
    """The rewrite behind --codegen-only."""

    def visit_Try(self, node):
        self.generic_visit(node)
        body = node.body + node.orelse + node.finalbody
        for h in node.handlers:
            body += h.body
        return body or [ast.Pass()]

    visit_TryStar = visit_Try

    def visit_With(self, node):
        self.generic_visit(node)
        out = []
        for it in node.items:
            if it.optional_vars is not None:
                out.append(ast.Assign(targets=[it.optional_vars], value=it.context_expr))
            else:
                out.append(ast.Expr(it.context_expr))
        return out + node.body

    visit_AsyncWith = visit_With

    def visit_Match(self, node):
        self.generic_visit(node)
        body = []
        for c in node.cases:
            body += c.body
        return [ast.If(test=node.subject, body=body or [ast.Pass()], orelse=[])]

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Mod):
            node.op = ast.Add()
        return node

    def visit_Set(self, node):
        self.generic_visit(node)
        return ast.List(elts=node.elts, ctx=ast.Load())


def rewrite_codegen_only(files, outdir):
    """Rewritten copies of the files CPython can parse (see CodegenOnly)."""
    out = []
    for i, path in enumerate(files):
        try:
            with open(path, "rb") as f:
                tree = ast.parse(f.read())
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                text = ast.unparse(ast.fix_missing_locations(CodegenOnly().visit(tree))) + "\n"
        except Exception:
            continue
        dest = os.path.join(outdir, "%05d_%s" % (i, os.path.basename(path)))
        try:
            with open(dest, encoding="utf-8", errors="surrogateescape") as f:
                same = f.read() == text
        except OSError:
            same = False
        if not same:  # unchanged files keep their mtime, so the dis cache stays valid
            with open(dest, "w", encoding="utf-8", errors="surrogateescape") as f:
                f.write(text)
        out.append(dest)
    return out


def main_dis(args, files):
    if args.codegen_only:
        outdir = os.path.join(ROOT, "target", "difftest-codegen-only")
        os.makedirs(outdir, exist_ok=True)
        files = rewrite_codegen_only(files, outdir)
    wants = cpython_dis_all(files)
    files = [f for f in files if wants.get(f) is not None]
    if not files:
        print("no files CPython compiles")
        return 1
    results = []
    with futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for path, r in zip(files, pool.map(lambda p: compare_dis(args.krait, p, wants[p]), files)):
            results.append((path, r))
    files_ok = sum(1 for _, (s, t, _, e) in results if e is None and s == t)
    secs_ok = sum(s for _, (s, _, _, _) in results)
    secs_all = sum(t for _, (_, t, _, _) in results)
    errors = collections.Counter(e for _, (_, _, _, e) in results if e is not None)
    diffs = collections.Counter()
    examples = {}
    for path, (_, _, firsts, _) in results:
        for want_shape, got_shape, wl, gl in firsts:
            key = "cpython: %s\n    krait:   %s" % (want_shape, got_shape)
            diffs[key] += 1
            examples.setdefault(key, (path, wl, gl))
    shown = 0
    for path, (s, t, firsts, e) in results:
        if (e is None and s == t) or shown >= args.show:
            continue
        shown += 1
        if e is not None:
            print("FAIL %s: krait error: %s" % (path, e))
        else:
            print("FAIL %s: %d of %d code objects identical; first: %s" % (path, s, t, firsts[0][0] if firsts else "?"))
    print("\nkrait errors (%d files):" % sum(errors.values()))
    for msg, n in errors.most_common(args.show):
        print("  %5d  %s" % (n, msg))
    print("\ncommonest first differences (code objects):")
    for key, n in diffs.most_common(args.show):
        path, wl, gl = examples[key]
        print("  %5d  %s\n         e.g. %s\n           cpython: %s\n           krait:   %s" % (n, key, path, wl, gl))
    n = len(files)
    print("\ndis: %d of %d files identical (%.2f%%)" % (files_ok, n, 100.0 * files_ok / n))
    print("dis: %d of %d code objects identical (%.2f%%)" % (secs_ok, secs_all, 100.0 * secs_ok / max(secs_all, 1)))
    compiled = [(s, t) for _, (s, t, _, e) in results if e is None]
    c_files = sum(1 for s, t in compiled if s == t)
    c_ok = sum(s for s, _ in compiled)
    c_all = sum(t for _, t in compiled)
    print("dis, files Krait compiles: %d of %d files (%.2f%%), %d of %d code objects (%.2f%%) identical"
          % (c_files, len(compiled), 100.0 * c_files / max(len(compiled), 1),
             c_ok, c_all, 100.0 * c_ok / max(c_all, 1)))
    return 0 if files_ok == n else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("layer", choices=["ast", "dis"])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--stdlib", action="store_true", help="add every stdlib .py file")
    ap.add_argument("--subset", type=int, default=0, help="keep an even spread of N files")
    ap.add_argument("--krait", default=os.path.join(ROOT, "target", "release", "krait"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--show", type=int, default=15, help="differences to print in full")
    ap.add_argument("--codegen-only", action="store_true",
                    help="dis: rewrite inputs without constructs other passes own (see above)")
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

    if args.layer == "dis":
        return main_dis(args, files)

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
