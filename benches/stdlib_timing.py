"""Shared driver of the whole-stdlib benchmarks (parse_stdlib.py, compile_stdlib.py):
time a CPython function over every stdlib file in this process and a Krait example
binary over the same files, each the best of --repeat rounds (reading excluded), and
report both times and the ratio (CPython time / Krait time; above 1 = Krait faster).
"""

import argparse
import os
import subprocess
import sys
import time
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "difftest"))
from difftest import stdlib_files  # noqa: E402


def run(cpython_label, cpython_fn, krait_label, crate, example):
    """`cpython_fn(source_bytes, path)` is the CPython side; `example` (in `crate`)
    reads paths on stdin and prints `count failed seconds`."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    subprocess.run(["cargo", "build", "--release", "-q", "-p", crate, "--example", example],
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
                cpython_fn(src, p)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                failed += 1
        best = min(best, time.perf_counter() - t0)
    cpython = best

    exe = os.path.join(root, "target", "release", "examples", example)
    r = subprocess.run([exe, str(args.repeat)], input="\n".join(files), capture_output=True, text=True, check=True)
    count, kfailed, krait = r.stdout.split()
    krait = float(krait)
    print("files: %d (CPython rejects %d, Krait rejects %s)" % (len(files), failed, kfailed))
    print("%-18s %.3f s" % (cpython_label + ":", cpython))
    print("%-18s %.3f s" % (krait_label + ":", krait))
    print("ratio (CPython / Krait): %.2fx" % (cpython / krait))
