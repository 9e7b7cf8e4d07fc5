#!/usr/bin/env python3
"""Compile the whole stdlib with CPython's compile() and with Krait's compiler (source to
code object, parsing included), in one run, and report both times and the ratio
(CPython time / Krait time; above 1 = Krait faster).

Reading files is excluded from both timings; each side takes the best of --repeat runs.
Run from the repository root: python3 benches/compile_stdlib.py
"""

from stdlib_timing import run

if __name__ == "__main__":
    run("CPython compile()", lambda src, p: compile(src, p, "exec"), "Krait compile",
        "compiler", "compile_files")
