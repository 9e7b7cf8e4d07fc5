#!/usr/bin/env python3
"""Parse the whole stdlib with CPython's ast.parse and with Krait's parser, in one run,
and report both times and the ratio (CPython time / Krait time; above 1 = Krait faster).

Reading files is excluded from both timings; each side takes the best of --repeat runs.
Run from the repository root: python3 benches/parse_stdlib.py
"""

import ast

from stdlib_timing import run

if __name__ == "__main__":
    run("CPython ast.parse", lambda src, p: ast.parse(src, p), "Krait parse", "syntax", "parse_files")
