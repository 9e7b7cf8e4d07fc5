# CPython's own table of regular-expression cases (Lib/test/re_tests.py):
# every pattern compiled by the re package and searched in its subject;
# spans, groups, the table's group expression, findall and sub printed.
# If `import enum` fails, the stand-in of re_module.py replaces it.
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
from test.re_tests import tests

# Needs memoryview.cast (re._compiler's big ignore-case charsets), which
# Krait lacks so far.
NEEDS_MEMORYVIEW = {'(?i)[a-zA-Z_][a-zA-Z0-9_]*'}

n = 0
for t in tests:
    pattern, s, outcome = t[:3]
    if pattern in NEEDS_MEMORYVIEW:
        n += 1
        continue
    try:
        p = re.compile(pattern)
    except re.error as e:
        print(n, 'compile error', str(e)[:60]); n += 1; continue
    except Exception as e:
        print(n, 'compile exc', type(e).__name__, e); n += 1; continue
    try:
        m = p.search(s)
        if m is None:
            print(n, 'no match')
        else:
            print(n, m.span(), m.groups(), m.lastindex)
            if len(t) > 4:
                try:
                    g = {'found': m.group(0)}
                    for i in range(1, 100):
                        try:
                            g['g%d' % i] = m.group(i)
                        except IndexError:
                            break
                    for k, v in p.groupindex.items():
                        g[k] = m.group(k)
                    print('   ', eval(t[3], g))
                except Exception as e:
                    print('    eval exc', type(e).__name__)
        print('   ', p.findall(s)[:5], p.sub('#', s)[:40])
    except Exception as e:
        print(n, 'exc', type(e).__name__, e)
    n += 1
