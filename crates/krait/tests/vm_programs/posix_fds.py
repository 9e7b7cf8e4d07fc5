# posix: descriptors, pipes, scandir, environ, errors (compared with python3).
import os

path = "/tmp/_krait_posix_fds_%d.txt" % os.getpid()
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"hello\nworld\n"))
os.close(fd)
fd = os.open(path, os.O_RDONLY)
print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR), os.fstat(fd).st_size)
print(os.lseek(fd, -3, os.SEEK_END), os.read(fd, 100), os.read(fd, 100))
os.close(fd)
for bad in (lambda: os.close(fd), lambda: os.read(fd, 1)):
    try:
        bad()
    except OSError as e:
        print(type(e).__name__, e, e.errno)
try:
    os.open("/nonexistent/x", os.O_RDONLY)
except FileNotFoundError as e:
    print(e, e.filename, e.errno, e.strerror)
try:
    os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
except FileExistsError as e:
    print(type(e).__name__, e.errno)
os.truncate(path, 3)
print(os.stat(path).st_size, os.path.getsize(path))
os.chmod(path, 0o600)
print(oct(os.stat(path).st_mode & 0o777))
os.utime(path, (1000, 2000))
print(os.stat(path).st_mtime, os.stat(path).st_atime)
link = path + ".lnk"
os.symlink(path, link)
print(os.readlink(link) == path, os.path.islink(link))
os.unlink(link)
os.unlink(path)

r, w = os.pipe()
os.write(w, b"abc")
os.close(w)
print(os.read(r, 10), os.read(r, 10))
os.close(r)

d = "/tmp/_krait_posix_dir_%d" % os.getpid()
os.mkdir(d)
for n in ("b.txt", "a.txt"):
    fd = os.open(os.path.join(d, n), os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, b"12345")
    os.close(fd)
os.mkdir(os.path.join(d, "sub"))
names = sorted(e.name for e in os.scandir(d))
print(names, names == sorted(os.listdir(d)))
with os.scandir(d) as it:
    for e in sorted(it, key=lambda e: e.name):
        print(e, e.is_dir(), e.is_file(), e.is_symlink(), e.path == os.path.join(d, e.name))
        print(e.stat().st_size == os.stat(e.path).st_size, os.fspath(e) == e.path)
print(sorted(os.listdir(d.encode())))
for n in ("a.txt", "b.txt"):
    os.unlink(os.path.join(d, n))
os.rmdir(os.path.join(d, "sub"))
os.rmdir(d)

os.environ["KRAIT_X"] = "1"
print(os.getenv("KRAIT_X"), os.environ.pop("KRAIT_X"), os.getenv("KRAIT_X"))
print(type(os.environb).__name__, len(os.urandom(8)))
print(os.fspath(b"x"), os.fspath("y"))
print(os.O_RDONLY, os.O_APPEND, os.SEEK_END, os.WNOHANG)
