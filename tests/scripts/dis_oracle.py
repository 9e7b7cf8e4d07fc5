#!/usr/bin/env python3
"""Oracle for crates/compiler/tests/codegen_diff.rs: reads NUL-separated
name, source, name, source, ... on stdin and prints, NUL-separated, for each source what
`python3 -m dis` prints for the source compiled as file NAME (in "single" or "eval"
mode when NAME starts with "single:" or "eval:", then at optimization level 1 or 2
when it starts with "O1:" or "O2:"; a leading "F<hex>:" gives compile()'s flags) (code object addresses
masked as " at 0x?"), or the compile error as "ERROR Type: msg (line, offset,
end_line, end_offset)"."""

import contextlib
import dis
import io
import re
import sys
import warnings

ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def one(name, source):
    mode, optimize, flags = "exec", 0, 0
    if name.startswith("F"):
        hexflags, name = name[1:].split(":", 1)
        flags = int(hexflags, 16)
    for prefix in ("single:", "eval:"):
        if name.startswith(prefix):
            mode, name = prefix[:-1], name[len(prefix):]
    for level in (1, 2):
        if name.startswith("O%d:" % level):
            optimize, name = level, name[3:]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            code = compile(source.encode("utf-8", "surrogateescape"), name, mode, flags=flags, optimize=optimize)
    except SyntaxError as e:
        return "ERROR %s: %s (%s, %s, %s, %s)" % (type(e).__name__, e.msg, e.lineno, e.offset,
                                                  e.end_lineno, e.end_offset)
    except Exception as e:  # RecursionError, MemoryError, ValueError
        return "ERROR %s: %s" % (type(e).__name__, e)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        dis.dis(code)
    return ADDRESS.sub(" at 0x?", buf.getvalue())


def main():
    parts = sys.stdin.buffer.read().split(b"\0")
    out = []
    for i in range(0, len(parts) - 1, 2):
        name = parts[i].decode()
        source = parts[i + 1].decode("utf-8", "surrogateescape")
        out.append(one(name, source))
    sys.stdout.buffer.write("\0".join(out).encode("utf-8", "surrogateescape"))


if __name__ == "__main__":
    main()
