# struct packing and codecs on bytes.
import struct, codecs, base64, binascii
p = struct.pack("<iHd3s?", -2, 65535, 1.5, b"abc", True)
print(p.hex(), len(p), struct.calcsize("<iHd3s?"), struct.unpack("<iHd3s?", p))
print(struct.pack(">I", 1), struct.pack("!h", -1), struct.unpack("<q", b"\xff" * 8), struct.calcsize("@ci"))
try:
    struct.pack("b", 200)
except struct.error as e:
    print("struct.error:", e)
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00")), struct.Struct("2B").unpack(b"\x07\x08"))
print(codecs.encode("hello", "rot13"), codecs.decode(b"68656c6c6f", "hex"), codecs.lookup("UTF8").name)
print(base64.b64encode(b"any carnal pleas"), base64.b64decode("aGk="), base64.urlsafe_b64encode(b"\xfb\xff"), base64.b32encode(b"ab"))
print(binascii.crc32(b"hello"), binascii.hexlify(b"\x01\xab"), hex(__import__("zlib").adler32(b"abc")))
