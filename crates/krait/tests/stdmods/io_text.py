import _io, posix
s = _io.StringIO()
print(s.write('hello\n'), s.write('wörld\nlast'), s.tell(), repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), repr(s.read()), repr(s.read()))
s.seek(0)
print(s.readlines(), [l for l in _io.StringIO('a\nb\n')], list(_io.StringIO('x\ny')))
s.seek(2); s.write('XY'); print(repr(s.getvalue()))
s.truncate(4); print(repr(s.getvalue()), s.seekable(), s.closed)
s.close(); print(s.closed)
try:
    s.read()
except ValueError as e:
    print('ValueError', e)
with _io.StringIO('init') as t:
    print(t.read(), t.read(1) == '')
path = '/tmp/krait_io_test_' + str(posix.getpid()) + '.txt'
with _io.open(path, 'w') as f:
    print(f.write('line one\n'), type(f).__name__, f.name == path, f.mode)
    f.write('line two\n')
    print('x', 1, file=f)
with _io.open(path) as f:
    print(f.read())
f = _io.open(path, 'a'); f.write('appended\n'); f.close()
with _io.open(path, 'r') as f:
    for line in f:
        print(repr(line))
with _io.open(path) as f:
    print(f.readline(), end=''); print(f.readlines())
try:
    _io.open(path, 'x')
except OSError as e:
    print(str(e).replace(path, 'PATH'))
posix.unlink(path)
for bad in [lambda: _io.open('/nonexistent/zz'), lambda: _io.open(path, 'rw'), lambda: _io.open('/tmp')]:
    try:
        bad()
    except (OSError, ValueError) as e:
        print(type(e).__name__ in ('FileNotFoundError', 'OSError', 'IsADirectoryError', 'ValueError'), str(e).replace(path, 'PATH'))
f = _io.open(path, 'w')
try:
    f.read()
except OSError as e:
    print('read on w:', e)
f.close(); posix.unlink(path)
