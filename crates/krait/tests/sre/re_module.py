# The `re` package over Krait's _sre, end to end: pattern syntax through
# re._parser/_compiler, templates (re._subx / Match.expand), flags, escaping.
# If `import enum` fails, a minimal stand-in replaces it (only re's flag
# objects depend on it).
import sys


class _EnumStandIn:
    KEEP = None
    Enum = object

    class IntFlag(int):
        pass

    @staticmethod
    def _simple_enum(*args, **kwargs):
        def deco(cls):
            cls.__members__ = {k: v for k, v in cls.__dict__.items()
                               if not k.startswith('_') and isinstance(v, int)}
            return cls
        return deco

    @staticmethod
    def global_enum(cls):
        sys.modules[cls.__module__].__dict__.update(cls.__members__)
        return cls


try:
    import enum
except Exception:
    sys.modules['enum'] = _EnumStandIn
import re


def attempt(f, *args, **kw):
    try:
        return f(*args, **kw)
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@site bob@host'))
print(re.sub(r'(?P<a>\d)(?P<b>\d)', r'\g<b>\g<a>', '12 34 5'))
print(re.sub(r'x', r'\n', 'axb'), re.sub(b'x', br'[\g<0>]', b'axbx'))
print(re.subn(r'\s+', ' ', 'a  b \t c\n'), re.sub('', '-', 'abc'), re.sub('x*', '-', 'abxd'))
m = re.search(r'(?P<key>\w+)=(?P<val>[^;]*)', 'a; key=value; b')
print(m.expand(r'\g<val>:\1'), m.groupdict(), m.span('val'), m.lastgroup)
print(re.findall(r'(\d+)-(\d+)', '1-2 33-44 x-5'), re.findall(r'\b\w', 'hi there you'))
print(re.split(r'(,)\s*', 'a, b,c'), re.split(r'\W+', 'Words, words, words.', 1))
print(re.fullmatch(r'[\w.]+@\w+\.com', 'first.last@example.com') is not None)
print(re.match(r'(?i)straSSe', 'STRASSE').group(), re.match(r'(?i)\u00df', '\u1e9e'))
print(re.findall(r'(?m)^\s*(\w+):', 'a: 1\n  b: 2\nc 3\nd:4'))
print(re.escape('a.b*c?d[e]f{g}h\\i|j(k)l^m$n+o p#q'), re.escape(b'a.b'))
print(re.compile(r'(?x) \d+  # digits\n  \. \d*').match('12.5x').group())
print([m.group() for m in re.finditer(r'(?<=\$)\d+(?:\.\d\d)?', 'cost $12.50 or $3')])
print(re.sub(r'(?<![\w])(\w)(\w*)', lambda m: m.group(1).upper() + m.group(2), 'hello big world'))
print(re.match(r'(a)(?(1)b|c)', 'ab').groups(), re.match(r'(a)?(?(1)b|c)', 'c').groups())
print(re.search(r'(?s)<b>(.*?)</b>', 'x<b>1\n2</b><b>3</b>').group(1))
print(re.search(r'\d{2,}?', 'a12345').group(), re.search(r'(?:ab)++c', 'ababc').span())
print(re.match(r'(?>a|ab)c', 'abc'), re.match(r'a++a', 'aaa'))
print(attempt(re.compile, r'(a'), attempt(re.compile, r'a{2,1}'), attempt(re.compile, '[b-a]'))
print(attempt(re.sub, r'(a)', r'\2', 'a'), attempt(re.match, r'a', 5))
print(re.compile(r'\w+', re.ASCII).findall('caf\u00e9 na\u00efve'), re.findall(r'\w+', 'caf\u00e9 na\u00efve'))
print(re.findall(r'[^\W\d_]+', 'ab12_cd \u00e9\u00e8'), re.findall(br'[\x80-\xff]+', b'a\xe9\xffb'))
print(re.search(r'^b', 'a\nb', re.M).span(), re.search(r'a.c', 'a\nc', re.S).span())
p = re.compile(r'(?P<y>\d{4})-(?P<m>\d\d)')
print(p.groups, sorted(p.groupindex.items()), p.pattern, p.search('on 2024-05-01').groups())
print(p.sub(r'\g<m>/\g<y>', '2024-05 and 1999-12'), p.match('2024-05', pos=0, endpos=6))
print(re.sub(r'(\d+)', lambda m: str(int(m.group()) * 2), 'a1b22c333'))
print(len(re.findall(r'\w+', 'word ' * 5000)), re.match(r'(a|b)*c', 'ab' * 20000 + 'c').span())
print(re.purge(), callable(re.template))
print(repr(re.compile('a', re.I | re.X)), re.compile('a', re.I).flags, re.compile(b'a', re.L | re.I))
print(re.compile('a\\d') == re.compile('a\\d'), re.compile('x', re.M) != re.compile('x'))
