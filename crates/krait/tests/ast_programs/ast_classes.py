# The _ast class hierarchy: names, bases, _fields, _attributes, docs, defaults,
# the AST constructor and its errors, __reduce__, subclasses.
import _ast

names = sorted(n for n in dir(_ast) if not n.startswith('__'))
print(len(names))
print(names[:12], names[-12:])
for n in ['AST', 'mod', 'Module', 'stmt', 'FunctionDef', 'expr', 'Name', 'expr_context',
          'Load', 'operator', 'Add', 'arguments', 'arg', 'keyword', 'alias', 'withitem',
          'match_case', 'pattern', 'MatchAs', 'type_ignore', 'TypeIgnore', 'comprehension',
          'excepthandler', 'ExceptHandler', 'ImportFrom', 'Constant']:
    c = getattr(_ast, n)
    print(n, c.__module__, [b.__name__ for b in c.__mro__], c._fields, c.__match_args__,
          getattr(c, '_attributes', 'no _attributes'))
    print('  doc:', repr(c.__doc__))
    print('  defaults:', sorted(k for k, v in vars(c).items() if v is None))
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)

n = _ast.Name('x', _ast.Load())
print(sorted(vars(n)), n.id, type(n.ctx).__name__, n.lineno if hasattr(n, 'lineno') else 'no lineno')
print(_ast.Name(id='y').id, vars(_ast.Name(foo=1)))
print(n.end_lineno, _ast.ImportFrom().level, _ast.ImportFrom().module)
for args, kw in [(('x', 1, 2), {}), (('x',), {'id': 'y'}), ((1,), {})]:
    try:
        _ast.Name(*args, **kw)
    except TypeError as e:
        print('TypeError', e)
for cls in [_ast.Pass, _ast.AST, _ast.keyword]:
    try:
        cls(1, 2, 3)
    except TypeError as e:
        print('TypeError', e)
try:
    _ast.Name().id
except AttributeError as e:
    print('AttributeError', e)

r = _ast.BinOp(_ast.Constant(1), _ast.Add(), _ast.Constant(2)).__reduce__()
print(r[0].__name__, r[1], sorted(r[2]))
print(_ast.Pass().__reduce__()[0:2])
print(isinstance(_ast.Add(), _ast.operator), issubclass(_ast.Name, _ast.AST))
print(_ast.Load() is _ast.Load())


class MyNode(_ast.Name):
    pass


m = MyNode('z', _ast.Store())
print(type(m).__name__, m.id, m._fields, isinstance(m, _ast.expr))


class WithInit(_ast.AST):
    _fields = ('a', 'b')

    def __init__(self, *args, extra=None, **kw):
        super().__init__(*args, **kw)
        self.extra = extra


w = WithInit(1, b=2, extra=3)
print(w.a, w.b, w.extra)


class Renamed(_ast.Constant):
    _fields = ('n',)

    def __new__(cls, *args, **kwargs):
        return _ast.Constant.__new__(cls, *args, **kwargs)


c = Renamed(5)
print(type(c).__name__, vars(c))
