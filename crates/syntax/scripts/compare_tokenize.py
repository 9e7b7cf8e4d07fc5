"""Differential test of Krait's tokenizer against CPython's `tokenize` module.

Usage: python3 compare_tokenize.py TOKDUMP FILE...   (TOKDUMP: the built `tokdump`
example). For every file, compares the kind and positions of every token. Known,
ignored differences of tokenize.py from the C tokenizer: COMMENT, NL, ENCODING and
ERRORTOKEN tokens are dropped; NEWLINE is compared by line only (the C tokenizer starts
it at a preceding comment and leaves the newline out). Prints a summary and the first
difference of each differing file.
"""
import io
import keyword
import subprocess
import sys
import token
import tokenize

SKIP = {tokenize.COMMENT, tokenize.NL, tokenize.ENCODING, tokenize.ERRORTOKEN}


def python_tokens(path):
    out = []
    with open(path, "rb") as f:
        data = f.read()
    try:
        for t in tokenize.tokenize(io.BytesIO(data).readline):
            if t.type in SKIP:
                continue
            if t.type == token.OP:
                name = token.tok_name[t.exact_type]
            elif t.type == token.NAME and (keyword.iskeyword(t.string)):
                name = "KW:" + t.string
            else:
                name = token.tok_name[t.type]
            out.append((name, t.start, t.end))
    except (tokenize.TokenError, SyntaxError, IndentationError) as e:
        return out, repr(e)
    return out, None


def char_col(lines, lineno, col):
    """tokenize.py counts columns in characters, the C tokenizer in UTF-8 bytes."""
    if 1 <= lineno <= len(lines):
        return len(lines[lineno - 1].encode("utf-8")[:col].decode("utf-8", "ignore"))
    return col


def krait_tokens(dump_lines, lines):
    out = []
    err = None
    for line in dump_lines:
        if line.startswith("ERROR"):
            err = line
            continue
        kind, pos = line.split(" ")
        a, b = pos.split("-")
        l1, c1 = map(int, a.split(","))
        l2, c2 = map(int, b.split(","))
        c1, c2 = char_col(lines, l1, c1), char_col(lines, l2, c2)
        name = kind.upper()
        if keyword.iskeyword(kind.lower()) or kind in ("True", "False", "None"):
            name = "KW:" + (kind if kind in ("True", "False", "None") else kind.lower())
        out.append((name, (l1, c1), (l2, c2)))
    return out, err


def same(p, k):
    if p[0] != k[0]:
        return False
    if p[0] == "NEWLINE":
        return p[1][0] == k[1][0]
    return p[1:] == k[1:]


def main():
    tokdump, files = sys.argv[1], sys.argv[2:]
    res = subprocess.run([tokdump, *files], capture_output=True, text=True, errors="replace")
    per_file = {}
    cur = None
    for line in res.stdout.splitlines():
        if line.startswith("FILE "):
            cur = line[5:]
            per_file[cur] = []
        elif cur is not None:
            per_file[cur].append(line)
    total = matched = files_ok = 0
    bad = []
    for f in files:
        p, perr = python_tokens(f)
        try:
            with tokenize.open(f) as fh:
                lines = fh.read().splitlines(keepends=True)
        except (SyntaxError, UnicodeDecodeError):
            lines = []
        k, kerr = krait_tokens(per_file.get(f, []), lines)
        n = max(len(p), len(k))
        total += len(p)
        good = sum(1 for a, b in zip(p, k) if same(a, b))
        matched += good
        if good == len(p) == len(k) and (perr is None) == (kerr is None):
            files_ok += 1
        else:
            first = next((i for i, (a, b) in enumerate(zip(p, k)) if not same(a, b)), min(len(p), len(k)))
            bad.append((f, first, p[first] if first < len(p) else perr, k[first] if first < len(k) else kerr))
    print(f"files: {files_ok}/{len(files)} identical; tokens: {matched}/{total} matching")
    for b in bad[:30]:
        print("DIFF", *b)


if __name__ == "__main__":
    main()
