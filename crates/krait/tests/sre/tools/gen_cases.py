"""Generates sre_cases.txt: patterns compiled to _sre code by CPython 3.11's
re._compiler, with subjects, one Python literal per line. Run with python3
(from tests/sre: `python3 tools/gen_cases.py > sre_cases.txt`); sre_compiled.py feeds the code to
`_sre.compile` directly, so the engine is tested without `import re`."""
import re
from re import _compiler, _parser

PATTERNS = [
    r'a', r'abc', r'a|b', r'ab|cd|ef', r'a*', r'a+', r'a?', r'a*?', r'a+?', r'a??',
    r'a{2}', r'a{2,}', r'a{2,3}', r'a{2,3}?', r'a{,2}', r'(a)', r'(a)(b)?', r'(a|b)*',
    r'(a|b)*?c', r'(ab)+', r'(ab)*?b', r'((a)|b)+', r'(a*)*', r'(a*)+', r'(a|)*', r'(?:a|b)+c',
    r'.', r'.*', r'.+?', r'(?s).', r'(?s).*x', r'^a', r'a$', r'^$', r'(?m)^a', r'(?m)a$',
    r'\Aa', r'a\Z', r'\bab', r'ab\b', r'\Bb', r'b\B', r'\d+', r'\D+', r'\s+', r'\S+',
    r'\w+', r'\W+', r'[abc]', r'[^abc]+', r'[a-z]+', r'[a-z0-9_]+', r'[^\W\d]+',
    r'[\d\s]+', r'[.]', r'[-a]', r'[]a]', r'(?i)abc', r'(?i)[a-c]+', r'(?i)[^a-c]+',
    r'(?i)a', r'(?i)\w+', r'(a)\1', r'(a+)\1', r'(?i)(a)\1', r'(a)?(?(1)b|c)', r'(a)?(?(1)b)',
    r'(?P<x>a)(?P=x)', r'(?P<first>\w+) (?P<last>\w+)', r'a(?=b)', r'a(?!b)', r'(?<=a)b',
    r'(?<!a)b', r'(?<=ab)c', r'(?<!ab)c', r'(?=(a))a', r'(?!(a)b)a', r'(?>a+)b', r'(?>a|ab)c',
    r'a++', r'a*+b', r'a?+a', r'(?:ab)++', r'(?:ab)*+a', r'(ab)++', r'a{2,3}+', r'x*',
    r'x*?', r'', r'()', r'(|a)', r'(a|)+b', r'\d{3}-\d{4}', r'(\d+)\.(\d+)', r'[\u0100-\u0200]+',
    r'\u00e9+', r'(?i)\u00c9', r'(?i)\u03c3+', r'(?i)[\u03a3]+', r'(?a)\w+', r'(?u)\w+',
    r'(?x) a b c # comment', r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\11', r'(?:(a)|(b)|(c))+',
    r'(a)|(b)', r'(?:a(b)?)+', r'((a)(b)?)+', r'(a)*', r'(?:(a)|b)*', r'([ab])*?([ab])',
    r'(?i)(?:[a-z]+)\d', r'\$\d+\.\d\d', r'[^\n]+', r'(?m)^\w+$', r'(?m)^', r'(?m)$',
    r'$', r'\s*,\s*', r'<[^>]+>', r'<.*?>', r'"(?:[^"\\]|\\.)*"', r'(\w+)@(\w+)\.com',
    r'(?i)hello|world', r'foo(?=bar)|bar', r'(?<=\d)(?=(\d{3})+$)', r'\b\w', r'(?:)',
    r'a{0}', r'(a){0}b', r'(?:a{2})*', r'(?:a|ab)(?:c|bcd)(d*)', r'[a-c]{2,}?d',
    r'(?s)(.)(?:.)*\1', r'[\x00-\x7f]+', r'[^\x00-\x7f]+', r'\W', r'[\w-]+', r'[^\d\s]',
    r'(?i)[k]', r'(?i)\u212a', r'(?i)[\u017f]', r'(?i)s', r'(?i)[st]+', r'[\U0001F600-\U0001F64F]',
    r'(?i)[\u0100\u0102\u0104\u0106\u0108\u0110\u0120\u0130\u0140\u0150\u0160\u0170\u0180\u01a0\u0200\u0220]+',
    r'[^\u4e00-\u9fff\u3040-\u30ff\u0100\u0103\u0107]+', r'(?i)\xe9+', r'(?i)[\xc0-\xff]+', r'(?i)\xdf', r'(?i)ss',
    r'(?i)[^k]+', r'(?i)(\w)\1', r'(?a:\w+)(?i:B)', r'(?i)(?:a|B)+', r'\x00*', r'(?m)$\n?', r'(?=a)*b' if 0 else r'(?:(?=a))b',
    r'(a(b(c(d)?)?)?)?', r'(?:a+)+b', r'(a|b|c|d|e)+?f', r'(?:x(?:y(?:z)?)?)*',
]

SUBJECTS = [
    '', 'a', 'b', 'ab', 'abc', 'aab', 'aaab', 'ba', 'abab', 'abcabc', 'aaaa', 'xyz', 'abcd',
    'hello world', 'Hello World', 'ABC abc', 'a\nb\nc', 'ab\n', '123-4567', '3.14 and 2.71',
    '  x  ,  y ,z', '<a><b>text</b>', '"a\\"b" "c"', 'joe@example.com', 'foobar bar',
    '1234567', 'caf\u00e9 \u00c9t\u00e9', '\u03a3\u03c3\u03c2', 'K \u212a k', 's \u017f S', '\U0001F600!',
    'aaaaaaaaaaab', 'abcdefghijkk', 'a1b2c3', 'x\ty\u00a0z\u2028w', '\u0663\u0664 12',
    'xyzxyz', 'Stra\u00dfe SS', 'acd', 'abcdd', 'aa bb', '$12.50', 'a--b_c',
]

# Patterns valid only for bytes (locale-dependent classes and case).
BYTES_ONLY = [r'(?L)\w+', r'(?L)\W+', r'(?Li)abc', r'(?Li)[a-c]+', r'(?Li)(a)\1', r'(?L)\bab', r'(?L)b\B']
BYTE_SUBJECTS = ['\xe9t\xe9 ABc', '\xff\xc9\xe9']

def case(pattern, flags=0):
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = p.state.groupdict
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return (pattern, flags | p.state.flags, [int(c) for c in code], p.state.groups - 1,
            dict(groupindex), tuple(indexgroup))

def main():
    for pat in PATTERNS:
        try:
            c = case(pat)
        except re.error:
            continue
        print(repr(c + (SUBJECTS,)))
    for pat in PATTERNS + BYTES_ONLY:
        if pat.isascii() and '\\u' not in pat and '\\U' not in pat:
            bpat = pat.encode()
            try:
                b = case(bpat)
            except re.error:
                continue
            subs = [s.encode() for s in SUBJECTS if s.isascii()]
            subs += [s.encode('latin-1') for s in BYTE_SUBJECTS]
            print(repr(b + (subs,)))

main()
