#!/usr/bin/env python3
"""Differential corpus harness: run each program of tests/corpus under CPython 3.11
(the reference) and under a subject built from Krait, and compare stdout, stderr
and exit status exactly.

Modes (ARCHITECTURE.md section 10):
  pyc          `KRAIT --compile FILE -o T.pyc`, then `python3 T.pyc`   (compiler)
  run          `KRAIT FILE`                                            (VM + compiler)
  cpython-pyc  python3 writes T.pyc (py_compile), then `KRAIT T.pyc`   (VM alone)

Every command gets the program's absolute path, so a .pyc's co_filename is the
original source path and tracebacks (file name, line, source text, carets) must
match CPython's byte for byte: no output is normalised.

`--compile-cmd CMD` replaces `KRAIT --compile FILE -o OUT` in pyc mode: CMD is split
like a shell command line; `{src}` and `{out}` in it are replaced, or, when absent,
SRC and OUT are appended. With python3 itself as the "compiler" every program must
pass: that validates the programs (deterministic) and the harness.

Each reference is run twice, with PYTHONHASHSEED=0 and =1, and the two runs must
agree (catches nondeterminism, including dependence on str/bytes hash order).
Environment of every run: cwd = a fresh, empty temp dir, PYTHONHASHSEED=0,
PYTHONDONTWRITEBYTECODE=1, PYTHONPATH=tests/corpus/pkgs, stdin = /dev/null.

Exit status: 0 when every program passed, 1 otherwise.
"""

import argparse
import concurrent.futures as futures
import difflib
import os
import py_compile
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PKGS = os.path.join(HERE, "pkgs")
TIMEOUT = 30


def corpus_files():
    """Every program of the corpus (tests/corpus/*.py except this harness), sorted."""
    return sorted(
        os.path.join(HERE, f)
        for f in os.listdir(HERE)
        if f.endswith(".py") and f != "run.py"
    )


def child_env(hash_seed="0"):
    """The environment every run (reference and subject) gets."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = hash_seed
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONPATH"] = PKGS
    env["LC_ALL"] = "C.UTF-8"
    return env


class Result:
    """What one process did: exit status, stdout and stderr (bytes)."""

    def __init__(self, code, out, err):
        self.code, self.out, self.err = code, out, err

    def key(self):
        return (self.code, self.out, self.err)


def run_cmd(argv, tmp, hash_seed="0"):
    """Runs argv in a fresh, empty working directory under `tmp` (programs may write
    files there, and must not see what an earlier run left)."""
    cwd = tempfile.mkdtemp(prefix="cwd-", dir=tmp)
    try:
        p = subprocess.run(argv, cwd=cwd, env=child_env(hash_seed), stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=TIMEOUT)
        return Result(p.returncode, p.stdout, p.stderr)
    except subprocess.TimeoutExpired as e:
        return Result("timeout", e.stdout or b"", e.stderr or b"")
    except OSError as e:
        return Result("cannot run: %s" % e, b"", b"")


def expand_template(cmd, src, out):
    parts = shlex.split(cmd)
    if any("{src}" in p or "{out}" in p for p in parts):
        return [p.replace("{src}", src).replace("{out}", out) for p in parts]
    return parts + [src, out]


def subject(args, src, tmp):
    """Run the subject of `args.mode` on `src`; a failed preparation step (compile)
    is reported as its own Result with a `prep:` exit status."""
    pyc = os.path.join(tmp, "T.pyc")
    if args.mode == "pyc":
        if args.compile_cmd:
            argv = expand_template(args.compile_cmd, src, pyc)
        else:
            argv = [args.krait, "--compile", src, "-o", pyc]
        r = run_cmd(argv, tmp)
        if r.code != 0 or not os.path.exists(pyc):
            return Result("prep: compile failed (%s)" % r.code, r.out, r.err)
        return run_cmd([args.python, pyc], tmp)
    if args.mode == "run":
        return run_cmd([args.krait, src], tmp)
    # cpython-pyc
    try:
        py_compile.compile(src, cfile=pyc, doraise=True)
    except py_compile.PyCompileError as e:
        return Result("prep: py_compile failed", b"", str(e).encode())
    return run_cmd([args.krait, pyc], tmp)


def short_diff(what, a, b, limit=25):
    a_lines = a.decode("utf-8", "replace").splitlines(keepends=True)
    b_lines = b.decode("utf-8", "replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(a_lines, b_lines, "python3 " + what, "subject " + what))
    if len(lines) > limit:
        lines = lines[:limit] + ["... (%d more diff lines)\n" % (len(lines) - limit)]
    return "".join(l if l.endswith("\n") else l + "\n" for l in lines)


def check(args, src):
    """Run one program; returns (ok, report text)."""
    tmp = tempfile.mkdtemp(prefix="krait-corpus-")
    try:
        ref = run_cmd([args.python, src], tmp)
        ref2 = run_cmd([args.python, src], tmp, hash_seed="1")
        if ref.key() != ref2.key():
            return False, "reference is nondeterministic (python3 runs with " \
                "PYTHONHASHSEED=0 and 1 differ)\n" + \
                short_diff("stdout", ref.out, ref2.out) + short_diff("stderr", ref.err, ref2.err)
        if ref.code == "timeout":
            return False, "reference timed out"
        got = subject(args, src, tmp)
        problems = []
        if ref.code != got.code:
            problems.append("exit status: python3 %s, subject %s\n" % (ref.code, got.code))
        if ref.out != got.out:
            problems.append(short_diff("stdout", ref.out, got.out))
        if ref.err != got.err:
            problems.append(short_diff("stderr", ref.err, got.err))
        return not problems, "".join(problems)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mode", choices=["pyc", "run", "cpython-pyc"], default="pyc")
    ap.add_argument("--krait", default=os.environ.get("KRAIT",
                                                      os.path.join(ROOT, "target/debug/krait")))
    ap.add_argument("--compile-cmd", help="stand-in for `krait --compile` in pyc mode")
    ap.add_argument("--python", default=sys.executable, help="the reference CPython 3.11")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1, help="parallel programs")
    ap.add_argument("-q", action="store_true", help="list failures only")
    ap.add_argument("files", nargs="*", help="programs (default: the whole corpus)")
    args = ap.parse_args()
    # Commands run with cwd = a temp dir: a relative path given here means this cwd.
    for attr in ("krait", "python"):
        value = getattr(args, attr)
        if os.sep in value and not os.path.isabs(value):
            setattr(args, attr, os.path.abspath(value))
    files = [os.path.abspath(f) for f in args.files] or corpus_files()
    if not files:
        print("no programs found")
        return 1

    failed = []
    with futures.ThreadPoolExecutor(max(1, args.j)) as pool:
        for src, (ok, report) in zip(files, pool.map(lambda f: check(args, f), files)):
            name = os.path.relpath(src, HERE)
            if ok:
                if not args.q:
                    print("PASS", name)
            else:
                failed.append(name)
                print("FAIL", name)
                print("    " + report.rstrip("\n").replace("\n", "\n    "))
            sys.stdout.flush()
    print("%d passed, %d failed, %d total (mode %s)"
          % (len(files) - len(failed), len(failed), len(files), args.mode))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
