import posix
base = '/tmp/krait_posix_test_' + str(posix.getpid())
try:
    for n in posix.listdir(base):
        posix.unlink(base + '/' + n)
    posix.rmdir(base)
except OSError:
    pass
posix.mkdir(base)
print(posix.listdir(base))
posix.mkdir(base + '/sub')
posix.rename(base + '/sub', base + '/sub2')
print(sorted(posix.listdir(base)))
st = posix.stat(base)
print(type(st).__name__, len(st), st.st_mode == st[0], (st.st_mode & 0o170000) == 0o040000, st.st_size >= 0, type(st.st_mtime).__name__, type(st[8]).__name__, st.st_mtime_ns // 10**9 == st[8])
print(posix.lstat(base).st_ino == st.st_ino, list(st)[:1] == [st.st_mode])
posix.rmdir(base + '/sub2')
posix.rmdir(base)
print(posix.strerror(2), '|', posix.strerror(13), '|', posix.strerror(99999))
print(posix.fspath('abc'), type(posix.getpid()).__name__, posix.getcwd() == posix.getcwd(), posix.F_OK, posix.R_OK, posix.access('/', posix.F_OK), posix.access('/nonexistent', 0))
class P:
    def __fspath__(self): return '/tmp'
print(posix.fspath(P()), posix.stat(P()).st_mode == posix.stat('/tmp').st_mode)
for bad in [lambda: posix.stat('/nonexistent/x'), lambda: posix.rmdir('/nonexistent'), lambda: posix.rename('/nonexistent', '/tmp/zz'), lambda: posix.listdir('/nonexistent')]:
    try:
        bad()
    except OSError as e:
        print(e)
for bad in [lambda: posix.fspath(1), lambda: posix.stat(1.5)]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(posix.error is OSError)
u = posix.uname()
print(u, type(u).__name__, len(u), u.sysname, u[4] == u.machine, isinstance(u, tuple))
print(posix.getppid() > 0, posix.getuid(), posix.getgid(), posix.geteuid(), posix.getegid())
