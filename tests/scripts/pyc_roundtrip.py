"""Differential check of Krait's marshal and disassembler against CPython 3.11.

For every __pycache__/*.cpython-311.pyc of the installed stdlib (site-packages
skipped), or of the directories given:
  1. `krait --pyc-roundtrip` loads it and re-marshals it: bytes must equal the file's;
  2. `krait --dis X.pyc` must equal `python3 -m dis X.py` (the same as
     dis.dis(compile(source, path, "exec"))), with object addresses masked.

Usage: python3 tests/scripts/pyc_roundtrip.py [--krait target/debug/krait] [--limit N] [DIR...]
Prints rates and the commonest differences; exit status 1 if any file differs.
"""
import argparse
import collections
import contextlib
import dis
import io
import os
import re
import subprocess
import sys
import sysconfig

ADDR = re.compile(r" at 0x[0-9a-f]+")
FROZENSET = re.compile(r"frozenset\(\{(.*?)\}\)")


def mask(text):
    """Masks object addresses, and sorts frozenset displays: their order depends on
    the string hash seed of the process that compiled the module."""
    text = ADDR.sub(" at 0xADDR", text)
    return FROZENSET.sub(lambda m: "frozenset({%s})" % ", ".join(sorted(m.group(1).split(", "))), text)


def find_pycs(roots):
    out = []
    for root in roots:
        for d, dirs, files in os.walk(root):
            dirs[:] = sorted(x for x in dirs if x != "site-packages")
            if os.path.basename(d) != "__pycache__":
                continue
            for f in sorted(files):
                if f.endswith(".cpython-311.pyc"):
                    out.append(os.path.join(d, f))
    return out


def source_of(pyc):
    d = os.path.dirname(os.path.dirname(pyc))
    return os.path.join(d, os.path.basename(pyc).split(".")[0] + ".py")


def cpython_dis(path):
    with open(path, "rb") as f:
        source = f.read()
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        dis.dis(compile(source, path, "exec"))
    return buf.getvalue()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", default=os.path.join(os.path.dirname(__file__), "..", "..", "target", "debug", "krait"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=5, help="examples per difference kind")
    ap.add_argument("--files", help="file listing the .pyc paths to check")
    ap.add_argument("roots", nargs="*")
    a = ap.parse_args()
    roots = a.roots or [sysconfig.get_paths()["stdlib"]]
    pycs = open(a.files).read().split() if a.files else find_pycs(roots)
    if a.limit:
        pycs = pycs[: a.limit]

    # 1. marshal round trip, in batches.
    rt_ok = 0
    rt_kinds = collections.Counter()
    rt_examples = collections.defaultdict(list)
    for i in range(0, len(pycs), 200):
        batch = pycs[i : i + 200]
        res = subprocess.run([a.krait, "--pyc-roundtrip", *batch], capture_output=True, text=True)
        for line in res.stdout.splitlines():
            path, _, verdict = line.partition("\t")
            if verdict == "OK":
                rt_ok += 1
            else:
                kind = verdict.split(" ")[0]
                m = re.search(r"got \[([0-9a-f, ]+)\] want \[([0-9a-f, ]+)\]", verdict)
                if m:
                    g, w = m.group(1).split(", "), m.group(2).split(", ")
                    k = next((j for j in range(min(len(g), len(w))) if g[j] != w[j]), 0)
                    kind = "DIFF got %s want %s" % (g[k], w[k])
                rt_kinds[kind] += 1
                rt_examples[kind].append(path)

    # 2. disassembly.
    dis_ok = 0
    dis_total = 0
    dis_kinds = collections.Counter()
    dis_examples = collections.defaultdict(list)
    for pyc in pycs:
        src = source_of(pyc)
        if not os.path.exists(src):
            continue
        dis_total += 1
        try:
            want = mask(cpython_dis(src))
        except Exception as e:  # source no longer compiles: not Krait's business
            dis_total -= 1
            continue
        res = subprocess.run([a.krait, "--dis", pyc], capture_output=True, text=True, errors="surrogateescape")
        got = mask(res.stdout)
        if got == want:
            dis_ok += 1
            continue
        gl, wl = got.splitlines(), want.splitlines()
        k = next((j for j in range(min(len(gl), len(wl))) if gl[j] != wl[j]), min(len(gl), len(wl)))
        gline = gl[k] if k < len(gl) else "<eof>"
        wline = wl[k] if k < len(wl) else "<eof>"
        opname = re.findall(r"[A-Z_]{4,}", wline)
        kind = (opname[0] if opname else wline.strip()[:30]) or "?"
        dis_kinds[kind] += 1
        dis_examples[kind].append("%s\n      got:  %s\n      want: %s" % (pyc, gline.strip(), wline.strip()))

    n = len(pycs)
    print("files: %d" % n)
    print("marshal round-trip equal: %d/%d (%.1f%%)" % (rt_ok, n, 100.0 * rt_ok / max(n, 1)))
    for kind, c in rt_kinds.most_common(10):
        print("  %5d  %s" % (c, kind))
        for e in rt_examples[kind][: a.show]:
            print("         " + e)
    print("dis equal to python3 -m dis: %d/%d (%.1f%%)" % (dis_ok, dis_total, 100.0 * dis_ok / max(dis_total, 1)))
    for kind, c in dis_kinds.most_common(10):
        print("  %5d  %s" % (c, kind))
        for e in dis_examples[kind][: a.show]:
            print("         " + e)
    return 0 if rt_ok == n and dis_ok == dis_total else 1


if __name__ == "__main__":
    sys.exit(main())
