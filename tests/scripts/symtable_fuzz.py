"""Random programs that stress the symbol table's scoping rules and errors (nested
def/class/lambda/comprehensions, global/nonlocal, walrus, annotations, mangled names,
super/__class__), for the differential tool:

    python3 tests/scripts/symtable_fuzz.py SEED COUNT   # writes cases/N.py
    ls cases/*.py | sort -V | xargs python3 tests/scripts/ast_export.py out
    target/debug/examples/symtable_dump --ast out/*.ast
"""
import random, sys, os
NAMES = ["a", "b", "x", "__p", "_C__p", "super", "__class__", "__d__"]
def name(): return random.choice(NAMES)
def expr(d):
    r = random.random()
    if d > 3 or r < 0.3: return name()
    if r < 0.4: return f"(lambda {params(d)}: {expr(d+1)})"
    if r < 0.5: return f"[{expr(d+1)} for {name()} in {expr(d+1)}{' if ' + expr(d+1) if random.random()<0.3 else ''}]"
    if r < 0.55: return f"{{{expr(d+1)}: {expr(d+1)} for {name()}, {name()} in {expr(d+1)} for {name()} in {expr(d+1)}}}"
    if r < 0.6: return f"({expr(d+1)} for {name()} in {expr(d+1)})"
    if r < 0.7: return f"({name()} := {expr(d+1)})"
    if r < 0.75: return f"(yield {expr(d+1)})"
    if r < 0.78: return f"(await {expr(d+1)})"
    if r < 0.85: return f"{expr(d+1)}({expr(d+1)}, k={expr(d+1)})"
    return f"{expr(d+1)} + {expr(d+1)}"
def params(d):
    ps = [name() for _ in range(random.randint(0, 3))]
    ps = [p for p in ps if p not in ("super",)]
    if random.random() < 0.2 and ps: return ", ".join(ps[:-1] + ["*" + ps[-1]])
    return ", ".join(ps)
def stmts(d, ind):
    out = []
    for _ in range(random.randint(1, 4)):
        r = random.random()
        p = " " * ind
        if d < 3 and r < 0.15:
            dec = f"{p}@{expr(d)}\n" if random.random() < 0.2 else ""
            kw = "async def" if random.random() < 0.2 else "def"
            ann = f" -> {expr(d)}" if random.random() < 0.2 else ""
            out.append(f"{dec}{p}{kw} {random.choice(['f','g','__h'])}({params(d)}){ann}:\n" + stmts(d+1, ind+4))
        elif d < 3 and r < 0.25:
            out.append(f"{p}class {random.choice(['C','_C','__'])}({name()}):\n" + stmts(d+1, ind+4))
        elif r < 0.35: out.append(f"{p}global {name()}\n")
        elif r < 0.45: out.append(f"{p}nonlocal {name()}\n")
        elif r < 0.55: out.append(f"{p}{name()}: {expr(d)}{' = ' + expr(d) if random.random()<0.5 else ''}\n")
        elif r < 0.6: out.append(f"{p}import {name()}.q as {name()}\n" if random.random() < 0.5 else f"{p}from m import *\n")
        elif r < 0.65: out.append(f"{p}del {name()}\n")
        elif r < 0.7: out.append(f"{p}return {expr(d)}\n")
        elif r < 0.75: out.append(f"{p}for {name()} in {expr(d)}:\n{p}    pass\n")
        elif r < 0.8: out.append(f"{p}try:\n{p}    pass\n{p}except E as {name()}:\n{p}    pass\n")
        else: out.append(f"{p}{name()} = {expr(d)}\n")
    return "".join(out)
random.seed(int(sys.argv[1]))
os.makedirs("cases", exist_ok=True)
for i in range(int(sys.argv[2])):
    src = ("from __future__ import annotations\n" if random.random() < 0.2 else "") + stmts(0, 0)
    open(f"cases/{i}.py", "w").write(src)
