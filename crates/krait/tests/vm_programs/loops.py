total = 0
for i in range(1, 101):
    if i % 3 == 0:
        continue
    if i > 90:
        break
    total += i
print(total)
n = 0
while n < 10:
    n += 3
else:
    print("done", n)
print([x for x in range(20) if x % 2], {k: k * k for k in range(4)}, {c for c in "abca"} == {"a", "b", "c"})
print(list(zip("abc", range(3))), list(enumerate("xy", 1)), list(map(abs, [-1, 2, -3])), list(filter(None, [0, 1, 2])))
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower), min(4, 2, 8), max([1, 5, 3]), max([], default=7))
a, *b, c = range(6)
print(a, b, c)
x, (y, z) = 1, (2, 3)
print(x, y, z)
s = "hello world"
print(s[1:8:2], s[::-1], s.split(), "-".join(["a", "b"]), s.upper(), s.replace("o", "0"))
l = [5, 3, 1]
l.append(7); l.sort(); l[0] = 10; del l[1]
print(l, l[-1], l[1:], 3 in l, 4 not in l)
print(2 ** 10, 2 ** 100, -7 // 2, -7 % 2, 7 / 2, 1 << 70, 0xff & 0x0f, 10 ** -1)
print(round(2.5), round(3.14159, 2), divmod(17, 5), abs(-3.5), int("42"), float("1.5"), str(1.0), bool([]))
i = 0
i += 1; i *= 5; i -= 2; i //= 2; i **= 3
print(i)
print(repr("it's"), repr('say "hi"'), ascii("é"), chr(65), ord("a"))
print("%5.2f|%-4d|%s" % (3.14159, 42, [1]), f"{'x':>4}|{7:03d}|{1234567:,}")
