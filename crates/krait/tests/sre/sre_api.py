# The _sre API against CPython 3.11 without 'import re': code compiled by
# CPython's re._compiler (pasted below), fed to _sre.compile; deep inputs
# (no Rust recursion per repetition), malformed code, error messages, reprs.
import _sre

CASES = {
    'alt_star': ('(a|b)*', 32, [14, 4, 0, 0, 4294967295, 23, 13, 0, 4294967295, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 18, 1], 1, {}, (None, None)),
    'lazy_star': ('(a|b)*?$', 32, [14, 4, 0, 0, 4294967295, 23, 13, 0, 4294967295, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 19, 6, 5, 1], 1, {}, (None, None)),
    'named': ('(?P<word>\\w+)\\s(?P<num>\\d+)?', 32, [14, 4, 0, 2, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 13, 4, 8, 12, 0, 23, 17, 0, 1, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 17, 3, 18, 1], 2, {'word': 1, 'num': 2}, (None, 'word', 'num')),
    'ic': ('abc', 34, [14, 4, 0, 3, 3, 40, 97, 40, 98, 40, 99, 1], 0, {}, (None,)),
    'ml': ('^x$', 120, [14, 4, 0, 1, 1, 6, 1, 16, 120, 6, 6, 1], 0, {}, (None,)),
    'long': ('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 32, [14, 506, 3, 250, 250, 250, 250, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 1], 0, {}, (None,)),
    'lit': ('ab', 32, [14, 10, 3, 2, 2, 2, 2, 97, 98, 0, 0, 16, 97, 16, 98, 1], 0, {}, (None,)),
    'bytes_ic': (b'ab', 2, [14, 4, 0, 2, 2, 32, 97, 32, 98, 1], 0, {}, (None,)),
    'bytes_named': (b'(?P<k>\\w+)=(?P<v>\\w*)', 0, [14, 4, 0, 2, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 4, 0, 1, 17, 1, 16, 61, 17, 2, 24, 9, 0, 4294967295, 13, 4, 8, 4, 0, 1, 17, 3, 1], 2, {'k': 1, 'v': 2}, (None, 'k', 'v')),
    'empty': ('', 32, [14, 4, 0, 0, 0, 1], 0, {}, (None,)),
    'dot': ('.', 32, [14, 4, 0, 1, 1, 2, 1], 0, {}, (None,)),
    'poss': ('(?:a|b)*+c', 32, [14, 4, 0, 1, 4294967295, 29, 10, 0, 4294967295, 13, 5, 22, 97, 98, 0, 1, 16, 99, 1], 0, {}, (None,)),
    'nested': ('((a)|b)+', 32, [14, 4, 0, 1, 4294967295, 23, 23, 1, 4294967295, 17, 0, 7, 9, 17, 2, 16, 97, 17, 3, 15, 7, 5, 16, 98, 15, 2, 0, 17, 1, 18, 1], 2, {}, (None, None, None)),
    'ascii': ('\\w+', 256, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 4, 0, 1, 1], 0, {}, (None,)),
    'word': ('\\w+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,)),
}

def comp(name):
    return _sre.compile(*CASES[name])

def attempt(f, *args, **kw):
    try:
        return f(*args, **kw)
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)

print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print([_sre.unicode_tolower(c) for c in (65, 0x130, 0x3a3, 0x1e9e, 97)])
print([_sre.ascii_tolower(c) for c in (65, 0xc9)], _sre.ascii_iscased(ord('z')), _sre.unicode_iscased(0x3c3), _sre.unicode_iscased(0x31))

# Deep repetition: the engine's backtracking stack is on the heap.
p = comp('alt_star')
m = p.match('ab' * 100000)
print(m.span(), m.group(1), m.lastindex)
p = comp('lazy_star')
print(p.match('ab' * 50000).span())
print(comp('poss').search('ab' * 50000 + 'c').span())
print(len(comp('word').findall('word ' * 20000)))

# Reprs.
print(comp('ic'), comp('ml'), comp('bytes_ic'), comp('ascii'))
print(repr(comp('long')))
print(repr(comp('dot').match('x' * 200)))
print(comp('lit').search('xxab'))
print(comp('bytes_named').search(b'a=1'))

# Named groups.
p = comp('named')
m = p.search('hello 42 world')
print(m.group('word', 'num'), m['word'], m[2], m.start('num'), m.end(2), m.span('word'))
print(m.groupdict(), m.lastgroup, m.lastindex, p.groupindex, p.groups, p.flags, p.pattern)
m = p.search('hello world')
print(m.groups(), m.groups('-'), m.groupdict(0), m.span(2), m.lastgroup)
print(attempt(m.group, 3), attempt(m.group, 'nope'), attempt(m.group, -1), attempt(m.start, 9))
print(m.string, m.re is p, m.pos, m.endpos, m.regs)
m = p.search('hello 42 world', 1, 8)
print(m, m.pos, m.endpos)
print(p.search('hello 42', -5, 100).span(), p.search('hello 42', 20), p.match('hello 42', 2, 1))

# Nested groups keep the last iteration.
m = comp('nested').match('abab')
print(m.groups(), m.regs, m.lastindex)

# Bytes and bytearray subjects.
p = comp('bytes_named')
print(p.findall(b'a=1 b= c=3'), p.findall(bytearray(b'x=y')), p.sub(b'<\\g<0>>' if 0 else b'!', b'a=1 b=2'))
print(p.split(b'a=1;b=2'))
print(attempt(p.search, 'a=1'), attempt(comp('word').search, b'abc'), attempt(comp('word').search, 5))

# sub and subn with callables.
p = comp('word')
print(p.sub(lambda m: None, 'a b c'), p.subn(lambda m: m.group().upper(), 'ab cd', 1))
print(attempt(p.sub, lambda m: 5, 'a b'))
print(p.sub('x', 'a b c', count=2), p.split('a b  c', maxsplit=1), p.split(string='a b'))
print(comp('empty').sub('-', 'abc'), comp('empty').split('abc'), comp('empty').findall('ab'))
print([m.span() for m in comp('empty').finditer('abc')])

# Scanners.
s = comp('word').scanner('ab cd ef')
print(s.match(), s.search().span(), s.search().span(), s.search(), s.search(), s.pattern is not None)
s = comp('dot').scanner('xy')
print(s.match().span(), s.match().span(), s.match())

# Arguments.
p = comp('word')
print(attempt(p.match), attempt(p.match, 'a', 0, 5, 6), attempt(p.match, 'a', pos=1, string='b'))
print(p.match(string='abc', pos=1), attempt(p.match, 'abc', foo=1), attempt(p.match, 'a', 1.5))

# Equality, hashing, copying.
print(comp('word') == comp('word'), comp('word') != comp('dot'), hash(comp('word')) == hash(comp('word')))
p = comp('word')
print(p.__copy__() is p, p.__deepcopy__({}) is p)
m = p.match('abc')
print(m.__copy__() is m, m.__deepcopy__(None) is m)

# Malformed code: RuntimeError, never a crash.
bad = [
    [1, 2, 3], [], [17, 0, 1], [17, 5, 1], [16], [13, 100, 1], [7, 0, 1],
    [24, 4, 0, 5, 16, 97, 1], [18, 1], [11, 3, 1], [14, 1000, 0, 0, 0, 1],
    [6, 99, 1], [8, 200, 1], [13, 3, 30, 0, 1], [23, 2, 0, 1, 1],
]
for code in bad:
    print(code, attempt(_sre.compile, 'x', 0, code, 1, {}, (None, None)))
print(attempt(_sre.compile, 'x', 0, [1], 0, [], ()), attempt(_sre.compile, 'x', 0, (1,), 0, {}, ()))
print(attempt(_sre.compile, 'x', 0, [2**40], 0, {}, ()), attempt(_sre.compile, 5, 0, [1], 0, {}, ()))

# The types.
p = comp('word')
print(type(p), type(p.match('a')), type(p.scanner('a')), type(p.finditer('a')))
print(type(p)[str], type(p.match('a'))[bytes], type(p).__name__, type(p).__module__)
print(attempt(type(p)), attempt(type(p.match('a'))), attempt(type(p.scanner('a'))))
