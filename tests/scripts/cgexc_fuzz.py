#!/usr/bin/env python3
"""Random differential test of the code generated for try/except/finally, except*,
with/async with and match, nested with loops, break/continue/return and if.

Each random program is compiled by CPython 3.11 (`compile()`) and by
`krait --compile FILE -o FILE.pyc`; the code objects are compared field by field,
recursively: co_code, names, variables, flags, stack size, co_linetable (so every
instruction's line and column range), co_exceptiontable and constants. Programs
CPython rejects must be rejected by Krait with the same message and line.

Usage: cgexc_fuzz.py [--krait PATH] [--seed N] [--count N] [--keep DIR]
Failing programs are written to DIR (default /tmp/cgexc-fuzz). Exit status 1 if any
program differs.
"""

import argparse
import marshal
import os
import random
import re
import subprocess
import sys
import tempfile
import types
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

FIELDS = ["co_code", "co_names", "co_varnames", "co_cellvars", "co_freevars", "co_flags",
          "co_stacksize", "co_argcount", "co_kwonlyargcount", "co_posonlyargcount",
          "co_firstlineno", "co_name", "co_qualname", "co_exceptiontable", "co_linetable"]


def compare(a, b, where):
    """The first difference between code objects a (CPython) and b (Krait), or None."""
    for f in FIELDS:
        x, y = getattr(a, f), getattr(b, f)
        if x != y:
            if f == "co_linetable":
                for i, (p, q) in enumerate(zip(a.co_positions(), b.co_positions())):
                    if p != q:
                        return "%s: position of offset %d: cpython %s, krait %s" % (where, 2 * i, p, q)
            return "%s: %s: cpython %.100r, krait %.100r" % (where, f, x, y)
    if len(a.co_consts) != len(b.co_consts):
        return "%s: %d constants, krait %d" % (where, len(a.co_consts), len(b.co_consts))
    for x, y in zip(a.co_consts, b.co_consts):
        if isinstance(x, types.CodeType) and isinstance(y, types.CodeType):
            d = compare(x, y, where + "/" + x.co_name)
            if d:
                return d
        elif type(x) != type(y) or x != y:
            return "%s: constant %r, krait %r" % (where, x, y)
    return None


class Generator:
    """Random programs; names are few so that patterns collide and captures repeat."""

    def __init__(self, seed):
        self.r = random.Random(seed)

    def expr(self):
        return self.r.choice(["a", "b()", "c.d", "x[0]", "f(a, b)", "1", "None", "(a or b)",
                              "not a", "a < b < c", "(y := a)"])

    def literal(self):
        return self.r.choice(["1", "-2", "'s'", "b'x'", "1.5", "2j", "-1+2j", "None", "True"])

    def pattern(self, depth, names):
        r = self.r

        def capture():
            n = r.choice("pqrstuvw")
            if n in names:
                return "_"
            names.add(n)
            return n
        k = r.randrange(12 if depth < 3 else 6)
        if k == 0:
            return self.literal()
        if k == 1:
            return r.choice(["C.k", "m.C.k"])
        if k in (2, 3):
            return capture()
        if k == 4:
            return r.choice(["int()", "str()", "C()"])
        if k == 5:
            return "(%s | %s)" % (self.literal(), r.choice(["2", "C.k", "'t'"]))
        if k == 6:
            items = [self.pattern(depth + 1, names) for _ in range(r.randrange(4))]
            if r.random() < 0.4:
                items.insert(r.randrange(len(items) + 1), "*" + capture())
            if not items:
                return r.choice(["[]", "()"])
            return ("[%s]" if r.random() < 0.5 else "(%s,)") % ", ".join(items)
        if k == 7:
            keys = r.sample(["1", "'a'", "'b'", "None", "C.k", "b'z'", "-1.5"], r.randrange(3))
            items = ["%s: %s" % (key, self.pattern(depth + 1, names)) for key in keys]
            if r.random() < 0.3:
                n = capture()
                if n != "_":
                    items.append("**" + n)
            return "{%s}" % ", ".join(items)
        if k == 8:
            pos = [self.pattern(depth + 1, names) for _ in range(r.randrange(3))]
            kw = ["%s=%s" % (a, self.pattern(depth + 1, names)) for a in r.sample("xyz", r.randrange(3))]
            return "%s(%s)" % (r.choice(["C", "m.D"]), ", ".join(pos + kw))
        if k == 9:
            # Alternatives binding the same names in different orders.
            ns = [n for n in r.sample("pqrstuvw", r.randrange(4)) if n not in names]
            alts = []
            for _ in range(r.randrange(2, 4)):
                parts = ns[:]
                r.shuffle(parts)
                parts += [self.literal() for _ in range(r.randrange(2))]
                r.shuffle(parts)
                alts.append("[%s]" % ", ".join(parts))
            names.update(ns)
            return "(" + " | ".join(alts) + ")"
        if k == 10:
            inner = self.pattern(depth + 1, names)
            n = capture()
            if n == "_" or inner == "_" or re.fullmatch(r"[a-z]", inner):
                return inner
            return "(%s as %s)" % (inner, n)
        return "(%s | %s)" % (self.literal(), self.literal())

    def block(self, depth, ctx, ind):
        out = []
        for _ in range(self.r.randrange(1, 3)):
            out += self.stmt(depth, ctx, ind)
        return out

    def stmt(self, depth, ctx, ind):
        r = self.r
        p = "    " * ind
        kinds = ["simple", "simple"]
        if depth < 4:
            kinds += ["try", "tryfinally", "trystar", "with", "match", "for", "while", "if"]
            if ctx.get("async"):
                kinds.append("asyncwith")
        if ctx.get("loop") and not ctx.get("star"):
            kinds += ["break", "continue"]
        if ctx.get("func") and not ctx.get("star"):
            kinds.append("return")
        kind = r.choice(kinds)
        if kind == "simple":
            return [p + r.choice(["x = %s" % self.expr(), self.expr(), "pass", "del y", "raise",
                                  "raise E from e", "g(%s)" % self.expr()])]
        if kind in ("break", "continue"):
            return [p + kind]
        if kind == "return":
            return [p + r.choice(["return", "return 1", "return %s" % self.expr()])]
        if kind == "if":
            out = [p + "if %s:" % self.expr()] + self.block(depth + 1, ctx, ind + 1)
            if r.random() < 0.5:
                out += [p + "else:"] + self.block(depth + 1, ctx, ind + 1)
            return out
        if kind in ("for", "while"):
            inner = dict(ctx, loop=True, star=False)
            head = "for i in %s:" % self.expr() if kind == "for" else "while %s:" % self.expr()
            out = [p + head] + self.block(depth + 1, inner, ind + 1)
            if r.random() < 0.3:
                out += [p + "else:"] + self.block(depth + 1, ctx, ind + 1)
            return out
        if kind in ("try", "tryfinally", "trystar"):
            out = [p + "try:"] + self.block(depth + 1, ctx, ind + 1)
            nh = r.randrange(0 if kind == "tryfinally" else 1, 3)
            for h in range(nh):
                name = r.choice(["", " as e"])
                if kind == "trystar":
                    out += [p + "except* %s%s:" % (r.choice(["E", "(E, F)"]), name)]
                    out += self.block(depth + 1, dict(ctx, star=True), ind + 1)
                else:
                    bare = h == nh - 1 and r.random() < 0.3
                    out += [p + ("except:" if bare else "except %s%s:" % (r.choice(["E", "(E, F)"]), name))]
                    out += self.block(depth + 1, ctx, ind + 1)
            if nh and r.random() < 0.3:
                out += [p + "else:"] + self.block(depth + 1, ctx, ind + 1)
            if kind == "tryfinally" or nh == 0 or r.random() < 0.3:
                out += [p + "finally:"] + self.block(depth + 1, ctx, ind + 1)
            return out
        if kind in ("with", "asyncwith"):
            items = ", ".join("%s%s" % (self.expr(), r.choice(["", " as w", " as (w1, w2)", " as q.r"]))
                              for _ in range(r.randrange(1, 3)))
            head = ("async with " if kind == "asyncwith" else "with ") + items + ":"
            return [p + head] + self.block(depth + 1, ctx, ind + 1)
        out = [p + "match %s:" % self.expr()]
        n = r.randrange(1, 4)
        for i in range(n):
            pat = self.pattern(0, set())
            if i < n - 1 and (pat == "_" or re.fullmatch(r"[a-z]", pat)):
                pat = "[%s]" % pat
            guard = " if %s" % self.expr() if r.random() < 0.3 else ""
            out += [p + "    case %s%s:" % (pat, guard)] + self.block(depth + 1, ctx, ind + 2)
        if r.random() < 0.4:
            out += [p + "    case _:"] + self.block(depth + 1, ctx, ind + 2)
        return out

    def program(self):
        kind = self.r.choice(["def", "async def", "module"])
        if kind == "module":
            return "\n".join(self.block(0, {}, 0)) + "\n"
        ctx = {"func": True, "async": kind == "async def"}
        return "%s f(a, b):\n" % kind + "\n".join(self.block(0, ctx, 1)) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--krait", default=os.path.join(ROOT, "target", "debug", "krait"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--keep", default=os.path.join(tempfile.gettempdir(), "cgexc-fuzz"))
    args = ap.parse_args()
    os.makedirs(args.keep, exist_ok=True)
    gen = Generator(args.seed)
    work = tempfile.mkdtemp()
    path = os.path.join(work, "prog.py")
    pyc = os.path.join(work, "prog.pyc")
    same = rejected = bad = 0
    for k in range(args.count):
        src = gen.program()
        with open(path, "w") as f:
            f.write(src)
        run = subprocess.run([args.krait, "--compile", path, "-o", pyc], capture_output=True, text=True)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                want = compile(src, path, "exec")
        except SyntaxError as e:
            rejected += 1
            if run.returncode == 0 or e.msg not in run.stderr or ("line %d" % e.lineno) not in run.stderr:
                diff = "SyntaxError %r line %d; krait: %s" % (e.msg, e.lineno, run.stderr.strip()[-200:])
            else:
                continue
        else:
            if run.returncode != 0:
                diff = "krait failed: " + run.stderr.strip()[-200:]
            else:
                with open(pyc, "rb") as f:
                    try:
                        got = marshal.loads(f.read()[16:])
                    except Exception as e:  # a code object CPython refuses
                        got, diff = None, "marshal.loads: %s" % e
                diff = compare(want, got, "<module>") if got is not None else diff
                if diff is None:
                    same += 1
                    continue
        bad += 1
        out = os.path.join(args.keep, "seed%d_%d.py" % (args.seed, k))
        with open(out, "w") as f:
            f.write(src)
        print("DIFF %s: %s" % (out, diff))
    print("%d programs: %d identical, %d rejected by CPython, %d different" % (args.count, same, rejected, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
