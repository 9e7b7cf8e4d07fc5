# Feeds code compiled by CPython's re._compiler (stored in sre_cases.txt by
# gen_cases.py) straight to _sre.compile and prints what the engine answers:
# match/search/fullmatch spans and groups, findall, finditer, split, sub, subn,
# with pos/endpos variants. Compared line by line with python3.
import _sre
import _io

def show_match(m):
    if m is None:
        return 'None'
    return '%r %r %r %r %r' % (m.span(), m.groups(), m.lastindex, m.lastgroup, m.regs)

def attempt(f, *args):
    try:
        return f(*args)
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)

def run_case(line_no, case):
    pattern, flags, code, groups, groupindex, indexgroup, subjects = case
    p = _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
    print(line_no, repr(p), p.groups)
    def lit(t):
        return t if isinstance(pattern, str) else t.encode()
    for s in subjects:
        out = [
            show_match(p.match(s)),
            show_match(p.search(s)),
            show_match(p.fullmatch(s)),
            repr(p.findall(s)),
            repr([m.span() for m in p.finditer(s)]),
            repr(attempt(p.split, s)),
            repr(p.sub(lit('<>'), s)),
            repr(p.subn(lambda m: m.group(0) * 2, s)),
            repr(p.sub(lit('-'), s, 1)),
        ]
        if len(s) > 2:
            out.append(show_match(p.search(s, 1, len(s) - 1)))
            out.append(show_match(p.match(s, 1)))
            out.append(repr(p.findall(s, 1, len(s) - 1)))
        print('  ', repr(s))
        for o in out:
            print('    ', o)

def main():
    with _io.open('sre_cases.txt', encoding='utf-8') as f:
        lines = f.read().splitlines()
    for i, line in enumerate(lines):
        run_case(i + 1, eval(line))

main()
