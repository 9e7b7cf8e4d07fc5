# compile(tree, ...): parse, transform, compile and run; and CPython's errors
# for malformed trees (obj2ast and the validator).
import _ast

P = _ast.PyCF_ONLY_AST
tree = compile('def f(a, b=2):\n    return a * b\nprint(f(3), f(4, 5))\n', 'm', 'exec', P)
exec(compile(tree, 'm', 'exec'))
# Turn every multiplication into addition and every constant 2 into 10.
todo = [tree]
while todo:
    n = todo.pop()
    if isinstance(n, _ast.BinOp) and isinstance(n.op, _ast.Mult):
        n.op = _ast.Add()
    if isinstance(n, _ast.Constant) and n.value == 2:
        n.value = 10
    for name in n._fields:
        v = getattr(n, name, None)
        if isinstance(v, list):
            todo.extend(x for x in v if isinstance(x, _ast.AST))
        elif isinstance(v, _ast.AST):
            todo.append(v)
exec(compile(tree, 'm', 'exec'))
print(eval(compile(compile('1 + 2 * 3', 'e', 'eval', P), 'e', 'eval')))
exec(compile(compile('print("single")', 's', 'single', P), 's', 'single'))

# Same code objects from the tree as from the source.
SRC = '''
import os
def g(x, *a, k=1, **kw):
    try:
        return [i for i in x if i], {k: v for k, v in kw.items()}
    except Exception as e:
        raise ValueError from e
    finally:
        pass
class K:
    y: int = 3
    async def h(self):
        async with a as b:
            await b
'''
a = compile(compile(SRC, 'x', 'exec', P), 'x', 'exec')
b = compile(SRC, 'x', 'exec')
print(a.co_code == b.co_code, [c.co_code for c in a.co_consts if hasattr(c, "co_code")] == [c.co_code for c in b.co_consts if hasattr(c, "co_code")],
      a.co_linetable == b.co_linetable)


def N(id, ctx=None, **kw):
    return _ast.Name(id, ctx or _ast.Load(), lineno=1, col_offset=0, **kw)


def C(v):
    return _ast.Constant(v, lineno=1, col_offset=0)


def E(v):
    return _ast.Expr(v, lineno=1, col_offset=0)


def M(*stmts):
    return _ast.Module(list(stmts), [])


L = dict(lineno=1, col_offset=0)
bad = [
    (M(_ast.Expr(C(1))), 'exec'),
    (M(E(_ast.Name('x', _ast.Load()))), 'exec'),
    (M(E(N(None))), 'exec'),
    (M(E(N(3))), 'exec'),
    (M(E(_ast.Name('x', None, **L))), 'exec'),
    (_ast.Module(3, []), 'exec'),
    (M(None), 'exec'),
    (_ast.Module([]), 'exec'),
    (_ast.Expression(_ast.Name('x', _ast.Load(), lineno='a', col_offset=0)), 'eval'),
    (M(E(C([1]))), 'exec'),
    (M(E(C(object()))), 'exec'),
    (M(_ast.Assign([N('x')], C(1), **L)), 'exec'),
    (M(_ast.Assign([], C(1), **L)), 'exec'),
    (_ast.Expression(_ast.Tuple([None], _ast.Load(), **L)), 'eval'),
    (M(_ast.FunctionDef('f', _ast.arguments([], [], None, [], [], None, []), [], [], **L)), 'exec'),
    (_ast.Expression(_ast.BinOp(C(1), None, C(2), **L)), 'eval'),
    (_ast.Expression(N('x')), 'exec'),
    (M(E(N('x'))), 'eval'),
    (_ast.Expression(N('None')), 'eval'),
    (_ast.Expression(_ast.BoolOp(_ast.And(), [C(1)], **L)), 'eval'),
    (_ast.Expression(_ast.Compare(C(1), [], [], **L)), 'eval'),
    (_ast.Expression(_ast.Compare(C(1), [_ast.Lt()], [C(1), C(2)], **L)), 'eval'),
    (_ast.Expression(_ast.Dict([C(1)], [], **L)), 'eval'),
    (_ast.Expression(_ast.ListComp(C(1), [], **L)), 'eval'),
    (M(_ast.Raise(None, C(1), **L)), 'exec'),
    (M(_ast.Try([_ast.Pass(**L)], [], [], [], **L)), 'exec'),
    (M(_ast.Try([_ast.Pass(**L)], [], [_ast.Pass(**L)], [_ast.Pass(**L)], **L)), 'exec'),
    (M(_ast.Import([], **L)), 'exec'),
    (M(_ast.AnnAssign(_ast.Attribute(N('a'), 'b', _ast.Store(), **L), N('int'), None, 1, **L)), 'exec'),
    (_ast.Expression(_ast.NamedExpr(C(1), C(2), **L)), 'eval'),
    (M(_ast.Delete([C(1)], **L)), 'exec'),
    (M(E(_ast.Call(N('f'), [], [_ast.keyword('a', None)], **L))), 'exec'),
    (M(E(_ast.BinOp(C(1), _ast.Add(), C(2)))), 'exec'),
    (_ast.Expression(_ast.Lambda(_ast.arguments([], [], None, [N('a')], [], None, []), C(1), **L)), 'eval'),
    (M(_ast.ImportFrom('m', [_ast.alias('x', **L)], **L)), 'exec'),
    (M(E(_ast.JoinedStr([_ast.FormattedValue(N('x'), None, None, **L)], **L))), 'exec'),
    (42, 'exec'),
]
for tree, mode in bad:
    try:
        code = compile(tree, '<bad>', mode)
        print('compiled', type(code).__name__)
    except (TypeError, ValueError, SyntaxError) as e:
        print(type(e).__name__, e)

# Missing end positions default to the start.
t = M(E(_ast.Call(N('print'), [C('ok')], [], lineno=3, col_offset=2)))
c = compile(t, 'p', 'exec')
exec(c)
print(sorted(set(p for p in c.co_positions() if p[0])))
