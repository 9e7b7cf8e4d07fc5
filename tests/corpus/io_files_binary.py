# Binary file I/O: bytes round trip, seek from end, truncate, newline translation.
with open("data.bin", "wb") as f:
    f.write(bytes(range(256)))
with open("data.bin", "rb") as f:
    data = f.read()
    f.seek(-4, 2)
    tail = f.read()
    f.seek(10)
    chunk = f.read(3)
print(len(data), data[:4], tail, chunk, data == bytes(range(256)))
with open("data.bin", "r+b") as f:
    f.truncate(8)
    f.seek(0, 2)
    f.write(b"END")
with open("data.bin", "rb") as f:
    print(f.read())
with open("nl.txt", "w", newline="") as f:
    f.write("a\r\nb\rc\n")
with open("nl.txt", "rb") as f:
    print(f.read())
with open("nl.txt", newline=None) as f:
    print(repr(f.read()))
with open("nl.txt", newline="") as f:
    print(repr(f.read()))
with open("enc.txt", "w", encoding="utf-16") as f:
    f.write("héllo")
with open("enc.txt", "rb") as f:
    print(f.read().hex())
with open("enc.txt", encoding="utf-16") as f:
    print(f.read())
with open("bad.txt", "wb") as f:
    f.write(b"ok \xff bad")
with open("bad.txt", encoding="utf-8", errors="replace") as f:
    print(f.read())
try:
    with open("bad.txt", encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e.reason, e.start)
