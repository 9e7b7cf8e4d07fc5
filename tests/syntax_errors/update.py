#!/usr/bin/env python3
"""Regenerate the syntax-error snapshots: for each case below, write NAME.py (the exact
source bytes) and NAME.stderr (what CPython 3.11 prints for it as an uncaught
SyntaxError, with the path as the test passes it: tests/syntax_errors/NAME.py).

The snapshots are CPython's output, never edited by hand: run this with python3 3.11
from the repository root after adding a case. The Rust test
crates/krait/tests/syntax_errors.rs checks `krait --dump-ast` against them.
"""

import os
import subprocess
import sys

CASES = {
    # Generic and "perhaps" errors
    "invalid_syntax": b"x = 1 +\n",
    "forgot_comma": b"x = [1 2]\n",
    "forgot_comma_call": b"f(a b)\n",
    "forgot_comma_soft_keyword_prefix": b"f(c d, 1)\n",
    "unindent_mismatch_no_newline": b"if x:\n    a\n  b",
    "expected_colon_if": b"if x\n    pass\n",
    "expected_colon_def": b"def f()\n    pass\n",
    "expected_colon_class": b"class A\n    pass\n",
    "unexpected_indent": b"x = 1\n    y = 2\n",
    "expected_indented_block_if": b"x = 1\ny = 2\nif x:\npass\n",
    "expected_indented_block_def": b"def f():\nreturn 1\n",
    "expected_indented_block_for": b"for x in y:\n\nz\n",
    "unindent_mismatch": b"if x:\n        a\n    b\n",
    "tab_error": b"if x:\n\tif y:\n        pass\n",
    "unterminated_string": b"x = 'abc\n",
    "unterminated_triple": b'x = """abc\n\ny\n',
    "never_closed": b"x = (1,\n",
    "never_closed_bracket": b"x = [1, 2\ny = 3\n",
    "mismatched_paren": b"x = (1, 2]\n",
    "mismatched_paren_lines": b"x = (1,\n2]\n",
    "unmatched_close": b"x = 1)\n",
    "assign_to_call": b"f() = 1\n",
    "assign_to_call_if": b"if f() = 1:\n    pass\n",
    "assign_to_literal": b"1 = x\n",
    "assign_to_expr": b"a + b = c\n",
    "augassign_to_tuple": b"a, b += 1\n",
    "del_call": b"del f()\n",
    "invalid_decimal": b"x = 1abc\n",
    "invalid_hex": b"x = 0x1g\n",
    "invalid_octal_digit": b"x = 0o8\n",
    "invalid_binary_digit": b"x = 0b12\n",
    "leading_zeros": b"x = 012\n",
    "print_statement": b'print "hello"\n',
    "exec_statement": b'exec "code"\n',
    "invalid_character": "x = 1 \u20ac 2\n".encode(),
    "invalid_nonprintable": "x = 1\u00a0+ 2\n".encode(),
    "fstring_empty": b"f'{}'\n",
    "fstring_single_brace": b"f'}'\n",
    "fstring_expecting_brace": b"f'{x'\n",
    "fstring_backslash": b"f'{\\'a\\'}'\n",
    "fstring_hash": b"f'{#}'\n",
    "fstring_bad_conversion": b"f'{x!z}'\n",
    "fstring_unmatched_paren": b"f'{)}'\n",
    "fstring_invalid_syntax": b"f'{a b}'\n",
    "bytes_nonascii": "x = b'\u00e9'\n".encode(),
    "mix_bytes_str": b"x = b'a' 'b'\n",
    "unknown_encoding": b"# -*- coding: nosuchcodec -*-\nx = 1\n",
    "invalid_utf8": b"x = '\xff'\n",
    "null_byte": b"x = 1\0\n",
    "return_outside_function_parse_ok": b"x = (yield)\n",
    "lambda_default": b"lambda x=1, y: x\n",
    "def_default_order": b"def f(a=1, b):\n    pass\n",
    "star_star_in_params": b"def f(**k, a):\n    pass\n",
    "keyword_repeated_star": b"def f(*, *a):\n    pass\n",
    "named_expr_target": b"(a.b := 1)\n",
    "walrus_at_statement": b"x := 1\n",
    "generator_not_parenthesized": b"f(a for a in b, c)\n",
    "keyword_arg_expr": b"f(a+b=1)\n",
    "positional_after_keyword": b"f(a=1, b)\n",
    "dict_missing_value": b"d = {1: }\n",
    "starred_alone": b"*a\n",
    "star_in_index_assign": b"a[*b] = 1\n",
    "import_from_trailing_comma": b"from a import b,\n",
    "try_without_except": b"try:\n    pass\nx = 1\n",
    "except_star_bare": b"try:\n    pass\nexcept*:\n    pass\n",
    "else_without_if": b"else:\n    pass\n",
    "match_bad_pattern": b"match x:\n    case 1 + :\n        pass\n",
    "case_indent": b"match x:\ncase 1:\n    pass\n",
    "type_alias_312": b"type X = int\n",
    "generic_def_312": b"def f[T](x: T): pass\n",
    "continuation_char": b"x = 1 \\ 2\n",
    "eof_in_continuation": b"x = 1 + \\",
    "deep_parens": b"(" * 1000 + b")" * 1000 + b"\n",
    "too_many_indent_levels": b"".join(b" " * i + b"if x:\n" for i in range(101)) + b" " * 101 + b"pass\n",
    "unparenthesized_tuple_subscript_walrus": b"x[a:=1, 2]\n",
    "comparison_chained_assign": b"a < b = c\n",
    "nonlocal_bad_syntax": b"nonlocal\n",
    "async_bad": b"async x = 1\n",
    "await_in_assign_target": b"await x = 1\n",
    "else_after_elif_missing": b"if a:\n    pass\nelif:\n    pass\n",
    "missing_in_for": b"for x y:\n    pass\n",
    "default_except_not_last": b"try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
}

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def report(relpath):
    code = "import ast,sys; ast.parse(open(sys.argv[1],'rb').read(), sys.argv[1])"
    r = subprocess.run([sys.executable, "-c", code, relpath], cwd=ROOT, capture_output=True, text=True,
                       errors="surrogateescape")
    if r.returncode == 0:
        return None
    lines = r.stderr.splitlines(keepends=True)
    marker = '  File "%s", line ' % relpath
    for i, line in enumerate(lines):
        if line.startswith(marker):
            return "".join(lines[i:])
    # No position (e.g. null bytes): CPython prints only the exception line.
    return lines[-1] if lines else r.stderr


def main():
    for name in os.listdir(HERE):
        if name.endswith((".py", ".stderr")) and name != "update.py":
            os.remove(os.path.join(HERE, name))
    for name, src in CASES.items():
        rel = "tests/syntax_errors/%s.py" % name
        with open(os.path.join(ROOT, rel), "wb") as f:
            f.write(src)
        out = report(rel)
        if out is None:
            print("note: %s parses without error; kept as an AST case" % name)
            out = ""
        with open(os.path.join(ROOT, rel[:-3] + ".stderr"), "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(out)


if __name__ == "__main__":
    main()
