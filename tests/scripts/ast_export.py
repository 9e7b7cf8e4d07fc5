"""Export python3's AST of source files in a flat token format that Krait's compiler
tests read back (crates/compiler/tests/support/ast_import.rs), so the symbol table can
be tested on real code independently of Krait's parser.

Usage: python3 tests/scripts/ast_export.py OUTDIR FILE...
For each FILE number N (0-based) that python3 parses, writes OUTDIR/N.ast (the AST),
OUTDIR/N.expected (tests/scripts/symtable_dump.py's output), OUTDIR/N.compile (the error
`compile()` raises, or `ok`) and OUTDIR/N.path.

Format, whitespace-separated tokens in pre-order:
  node      ClassName [lineno col end_lineno end_col] field...   (fields in _fields order;
            the four positions only for classes with _attributes)
  list      [ N item...
  None      ~
  string    s<hex of UTF-8, surrogatepass>   (identifiers, type comments, kinds)
  int       i<decimal>                       (level, simple, is_async, conversion, lineno)
  constant  cN cT cF cE ci cf cj cs<hex> cb<hex>   (numbers keep only their type)
"""
import ast
import io
import os
import subprocess
import sys
import contextlib

HERE = os.path.dirname(os.path.abspath(__file__))


def hexs(s):
    return s.encode("utf-8", "surrogatepass").hex()


def const(v, out):
    if v is None:
        out.append("cN")
    elif v is True:
        out.append("cT")
    elif v is False:
        out.append("cF")
    elif v is ...:
        out.append("cE")
    elif isinstance(v, int):
        out.append("ci")
    elif isinstance(v, float):
        out.append("cf")
    elif isinstance(v, complex):
        out.append("cj")
    elif isinstance(v, str):
        out.append("cs" + hexs(v))
    elif isinstance(v, bytes):
        out.append("cb" + v.hex())
    else:
        raise TypeError(type(v))


def export(node, out):
    # Iterative, so deeply nested input does not hit Python's recursion limit.
    stack = [node]
    while stack:
        n = stack.pop()
        if n is None:
            out.append("~")
        elif isinstance(n, tuple) and n[0] == "const":
            const(n[1], out)
        elif isinstance(n, list):
            out.append("[")
            out.append(str(len(n)))
            stack.extend(reversed(n))
        elif isinstance(n, str):
            out.append("s" + hexs(n))
        elif isinstance(n, bool) or isinstance(n, int):
            out.append("i" + str(int(n)))
        elif isinstance(n, ast.AST):
            out.append(type(n).__name__)
            if n._attributes and "lineno" in n._attributes:
                for a in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
                    out.append(str(getattr(n, a)))
            items = []
            for f in n._fields:
                v = getattr(n, f)
                if isinstance(n, (ast.Constant, ast.MatchSingleton)) and f == "value":
                    v = ("const", v)
                items.append(v)
            stack.extend(reversed(items))
        else:
            raise TypeError(type(n))


CODE_FLAGS_MASK = 0x2BF  # OPTIMIZED NEWLOCALS VARARGS VARKEYWORDS NESTED GENERATOR COROUTINE ASYNC_GENERATOR


def code_facts(code):
    """One line per code object: the facts the symbol table decides (flags, cell and
    free variables), sorted, in the format of Krait's `dump::dump_code_facts`."""
    lines = []
    stack = [code]
    while stack:
        c = stack.pop()
        lines.append(f"code {c.co_name} flags={c.co_flags & CODE_FLAGS_MASK:#x} "
                     f"cellvars={','.join(sorted(c.co_cellvars))} freevars={','.join(sorted(c.co_freevars))}")
        stack.extend(k for k in c.co_consts if hasattr(k, "co_code"))
    return "".join(l + "\n" for l in sorted(lines))


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    dump = os.path.join(HERE, "symtable_dump.py")
    for i, path in enumerate(sys.argv[2:]):
        try:
            with open(path, "rb") as f:
                src = f.read()
            tree = ast.parse(src, path, "exec")
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        out = []
        export(tree, out)
        with open(os.path.join(outdir, f"{i}.ast"), "w") as f:
            f.write(" ".join(out))
        with open(os.path.join(outdir, f"{i}.path"), "w") as f:
            f.write(path)
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            sys.argv = [dump, path]
            try:
                exec(compile(open(dump).read(), dump, "exec"), {"__name__": "__main__"})
            except SystemExit:
                pass
        with open(os.path.join(outdir, f"{i}.expected"), "w") as f:
            f.write(buf.getvalue())
        # What compile() (parser, symtable, codegen) raises, in the same format,
        # and the symbol-table facts visible in the code objects.
        try:
            code = compile(src, path, "exec")
            line = "ok\n"
            with open(os.path.join(outdir, f"{i}.code"), "w") as f:
                f.write(code_facts(code))
        except SyntaxError as e:
            line = f"error {type(e).__name__} {e.msg!r} {e.lineno} {e.offset} {e.end_lineno} {e.end_offset}\n"
        except (RecursionError, MemoryError, ValueError) as e:
            line = f"error {type(e).__name__} {str(e)!r}\n"
        with open(os.path.join(outdir, f"{i}.compile"), "w") as f:
            f.write(line)


main()
