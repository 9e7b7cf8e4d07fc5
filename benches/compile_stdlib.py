#!/usr/bin/env python3
"""Compile the whole stdlib with CPython's compile() and with Krait's compiler (source to
code object, parsing included), in one run, and report both times and the ratio (CPython time / Krait time; above 1 = Krait faster).

Reading files is excluded from both timings; each side takes the best of --repeat runs.
Run from the repository root: python3 benches/compile_stdlib.py
"""

import argparse
import os
import subprocess
import sys
import time
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "difftest"))
from difftest import stdlib_files  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "compiler", "--example", "compile_files"],
                   cwd=root, check=True)
    files = stdlib_files()
    sources = []
    for p in files:
        with open(p, "rb") as f:
            sources.append((p, f.read()))

    warnings.simplefilter("ignore")  # compile-time SyntaxWarnings of test data files
    best = float("inf")
    for _ in range(args.repeat):
        failed = 0
        t0 = time.perf_counter()
        for p, src in sources:
            try:
                compile(src, p, "exec")
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                failed += 1
        best = min(best, time.perf_counter() - t0)
    cpython = best

    exe = os.path.join(root, "target", "release", "examples", "compile_files")
    r = subprocess.run([exe, str(args.repeat)], input="\n".join(files), capture_output=True, text=True, check=True)
    count, kfailed, krait = r.stdout.split()
    krait = float(krait)
    print("files: %d (CPython rejects %d, Krait rejects %s)" % (len(files), failed, kfailed))
    print("CPython compile(): %.3f s" % cpython)
    print("Krait compile:     %.3f s" % krait)
    print("ratio (CPython / Krait): %.2fx" % (cpython / krait))


if __name__ == "__main__":
    main()
