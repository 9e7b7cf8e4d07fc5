# compile(..., PyCF_ONLY_AST) for every kind of node, printed as
# ast.dump(tree, include_attributes=True) prints it, in the four modes.
import _ast


def fmt(node):
    if isinstance(node, _ast.AST):
        cls = type(node)
        args = []
        for name in node._fields + node._attributes:
            try:
                value = getattr(node, name)
            except AttributeError:
                continue
            if value is None and getattr(cls, name, ...) is None:
                continue
            args.append('%s=%s' % (name, fmt(value)))
        return '%s(%s)' % (cls.__name__, ', '.join(args))
    if isinstance(node, list):
        return '[%s]' % ', '.join(fmt(x) for x in node)
    return repr(node)


SRC = '''
"""doc"""
from __future__ import annotations
import a.b as c, d
from .. import (e as f, g)
@dec(1)
async def fn(p, /, q: int = 1, *args, r, s=2, **kw) -> None:
    global G
    x: int = 1
    y += 2; del y[0], z.a
    async for i in aiter(): pass
    async with cm() as (a, *b): await x
    return (yield), (yield from g)
class C(B, metaclass=M):
    def f(self): nonlocal q
while 1:
    if a and b or not c: break
    elif -a < b <= c is not d in e: continue
    else: pass
for i, in x: ...
else: pass
try:
    raise E from F
except (T, U) as e: pass
except: pass
else: pass
finally: pass
try: pass
except* E: pass
with open(f) as g, h: assert x, "m"
lam = lambda a, *, b=1: a if b else {1: 2, **d}
s = {1, 2.5, 3j, b'x', 'é', u'u', ..., None, True}
comp = [x for x in y if x async for z in w], {k: v for k, v in i}, {a for a in b}, (g for g in h)
f"a{b!r:>{w}}c{d=}" f'{x}'
t = x[1:2, ::3], x @ y // z % w ** v >> 1 << 2 & 3 | 4 ^ 5, ~x, +x
(n := 10)
match p:
    case 1 | -2 | 3+4j | "s" | b"b" | None | True: pass
    case [a, *rest, _] if a: pass
    case {"k": v, **kw}: pass
    case Point(1, y=2) as pt: pass
    case (x.y, [*_]): pass
call(*a, k=1, **kw)
'''

print(fmt(compile(SRC, '<src>', 'exec', _ast.PyCF_ONLY_AST)))
print(fmt(compile('a + 1', '<e>', 'eval', _ast.PyCF_ONLY_AST)))
print(fmt(compile('x = 1\n', '<s>', 'single', _ast.PyCF_ONLY_AST)))
print(fmt(compile('(int, str) -> bool', '<f>', 'func_type', _ast.PyCF_ONLY_AST)))
print(fmt(compile(b'# -*- coding: latin-1 -*-\nx = "\xe9"\n', '<b>', 'exec', _ast.PyCF_ONLY_AST)))
t = compile('x', '<t>', 'exec', _ast.PyCF_ONLY_AST)
print(compile(t, '<t>', 'exec', _ast.PyCF_ONLY_AST) is t)
a = compile('a\nb', '<t>', 'exec', _ast.PyCF_ONLY_AST)
print(a.body[0].value.ctx is a.body[1].value.ctx)
for bad, mode in [('x = (', 'exec'), ('a b', 'eval'), ('x', 'nope')]:
    try:
        compile(bad, '<bad>', mode, _ast.PyCF_ONLY_AST)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
    except ValueError as e:
        print(type(e).__name__, e)
