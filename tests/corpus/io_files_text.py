# Text file I/O in the working directory (a fresh temp dir): write, read, append, iterate, seek.
import os
with open("notes.txt", "w", encoding="utf-8") as f:
    print(f.write("first line\n"), f.write("second ünïcode line\n"))
    f.writelines(["third\n", "fourth"])
with open("notes.txt", encoding="utf-8") as f:
    print(f.readline(), end="")
    print(f.readlines())
with open("notes.txt", "a", encoding="utf-8") as f:
    f.write("\nappended")
with open("notes.txt", encoding="utf-8") as f:
    lines = [l.rstrip("\n") for l in f]
print(lines, len(lines))
with open("notes.txt", encoding="utf-8") as f:
    f.seek(6)
    print(repr(f.read(4)), f.tell())
print(os.path.getsize("notes.txt"), os.path.exists("notes.txt"), os.path.isfile("notes.txt"), os.path.isdir("notes.txt"))
f = open("notes.txt")
print(f.closed, f.name, f.mode, f.readable(), f.writable())
f.close()
print(f.closed)
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    open("missing-file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror, e.filename)
os.remove("notes.txt")
print(os.path.exists("notes.txt"))
