# os.path string operations (no dependence on the actual cwd) and directory listing in a temp dir.
import os, os.path as p
print(p.join("a", "b", "c.txt"), p.join("/root", "x"), p.join("a", "/abs", "b"))
print(p.split("/a/b/c.txt"), p.splitext("archive.tar.gz"), p.basename("/x/y/"), p.dirname("/x/y/z"))
print(p.normpath("a//b/./c/../d"), p.isabs("/a"), p.isabs("a"), p.commonprefix(["/usr/lib", "/usr/local"]))
print(p.relpath("/a/b/c", "/a"), p.normcase("AbC"), p.splitdrive("/x/y"), p.expanduser("no-tilde"))
os.mkdir("d1")
os.makedirs("d1/d2/d3")
for name in ("b.txt", "a.txt", "d1/inner.txt"):
    with open(name, "w") as f:
        f.write(name)
print(sorted(os.listdir(".")), sorted(os.listdir("d1")))
print(sorted(e.name for e in os.scandir(".") if e.is_file()))
walked = [(root, sorted(dirs), sorted(files)) for root, dirs, files in os.walk("d1")]
print(sorted(walked))
os.rename("a.txt", "renamed.txt")
print(sorted(os.listdir(".")))
try:
    os.mkdir("d1")
except FileExistsError as e:
    print("FileExistsError:", e.errno, e.filename)
try:
    os.rmdir("d1")
except OSError as e:
    print(type(e).__name__, e.errno)
import shutil
shutil.rmtree("d1")
print(sorted(os.listdir(".")))
