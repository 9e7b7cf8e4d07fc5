#!/usr/bin/env python3
"""Time `krait X.pyc` against `python3 X.py` on small VM benchmarks, in one run,
and report both times and the ratio (CPython time / Krait time; above 1 = Krait
faster). Each program is compiled to a .pyc by CPython (so only the VM is
measured), both sides must print the same output, and each side takes the best
of --repeat runs of CPU time (user + system of the child process, startup
included; CPU time is steadier than wall time on a shared machine).

Run from the repository root: python3 benches/vm_micro.py [--no-build]
"""

import argparse
import os
import py_compile
import resource
import subprocess
import sys
import tempfile

PROGRAMS = {
    "fib(27) recursive calls": """
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(27))
""",
    "integer while loop (5M)": """
def loop(n):
    i = 0
    s = 0
    while i < n:
        s += i & 7
        i += 1
    return s
print(loop(5_000_000))
""",
    "for over range, float math (3M)": """
def f(n):
    acc = 0.0
    for i in range(n):
        acc += i * 0.5 - 1.0
    return acc
print(f(3_000_000))
""",
    "method calls + attributes (1M)": """
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self, k):
        self.n += k
        return self
c = Counter()
for i in range(1_000_000):
    c.inc(1)
print(c.n)
""",
    "list append/index + builtins (1M)": """
def g(n):
    xs = []
    for i in range(n):
        xs.append(i % 10)
    t = 0
    for i in range(len(xs)):
        t += xs[i]
    return t, len(xs), max(xs)
print(g(1_000_000))
""",
    "generator + closure (1M)": """
def gen(n):
    for i in range(n):
        yield i
def make(k):
    def add(x):
        return x + k
    return add
add3 = make(3)
print(sum(add3(x) for x in gen(1_000_000)))
""",
    "dict set/get/iterate (500k)": """
def d(n):
    m = {}
    for i in range(n):
        m[i & 4095] = m.get(i & 4095, 0) + i
    t = 0
    for k, v in m.items():
        t += k ^ v
    return t, len(m)
print(d(500_000))
""",
    "string building (500k)": """
def s(n):
    parts = []
    for i in range(n):
        parts.append(str(i % 100) + "-")
    text = "".join(parts)
    acc = ""
    for i in range(2000):
        acc += "ab"
    return len(text), text[:12], len(acc), text.count("9-")
print(s(500_000))
""",
    "exceptions raise/catch (300k)": """
class Oops(Exception):
    pass
def f(i):
    if i % 3 == 0:
        raise Oops(i)
    return i
def run(n):
    caught = 0
    for i in range(n):
        try:
            f(i)
        except Oops:
            caught += 1
        finally:
            pass
    return caught
print(run(300_000))
""",
    "closures + nonlocal (1M)": """
def counter():
    n = 0
    def inc(k):
        nonlocal n
        n += k
        return n
    return inc
c = counter()
for i in range(1_000_000):
    c(1)
print(c(0))
""",
    "comprehensions (200 x 5k)": """
def comp(rounds):
    t = 0
    for r in range(rounds):
        xs = [i * 2 for i in range(5000) if i & 1]
        ds = {i: i + r for i in xs[:100]}
        t += len(xs) + sum(ds.values())
    return t
print(comp(200))
""",
}


def best_time(cmd, cwd, repeat):
    best = float("inf")
    out = None
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        dt = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if r.returncode != 0:
            raise SystemExit(f"{cmd} failed:\n{r.stderr}")
        best = min(best, dt)
        out = r.stdout
    return best, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--krait", help="a Krait binary to time (implies --no-build)")
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if not args.no_build and not args.krait:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "krait"], cwd=root, check=True)
    krait = args.krait or os.path.join(root, "target", "release", "krait")
    print(f"{'benchmark':36} {'CPython s':>10} {'Krait s':>10} {'ratio':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, src in PROGRAMS.items():
            py = os.path.join(tmp, "bench.py")
            pyc = os.path.join(tmp, "bench.pyc")
            with open(py, "w") as f:
                f.write(src)
            py_compile.compile(py, cfile=pyc, doraise=True)
            tc, oc = best_time([sys.executable, py], tmp, args.repeat)
            try:
                tk, ok = best_time([krait, pyc], tmp, args.repeat)
            except SystemExit as e:
                print(f"{name:36} {tc:10.3f} {'fails':>10} {'-':>7}   ({str(e).splitlines()[-1]})")
                continue
            if oc != ok:
                print(f"{name:36} {tc:10.3f} {'differs':>10} {'-':>7}")
                continue
            print(f"{name:36} {tc:10.3f} {tk:10.3f} {tc / tk:7.2f}")


if __name__ == "__main__":
    main()
