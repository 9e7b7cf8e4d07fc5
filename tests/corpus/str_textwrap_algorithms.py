# Text layout by hand: greedy word wrap, justify, center, and box drawing.
words = "the quick brown fox jumps over the lazy dog and keeps running far away".split()
def wrap(words, width):
    lines, cur = [], []
    for w in words:
        if cur and len(" ".join(cur + [w])) > width:
            lines.append(cur)
            cur = []
        cur.append(w)
    if cur:
        lines.append(cur)
    return lines
def justify(line, width):
    if len(line) == 1:
        return line[0].ljust(width)
    gaps = len(line) - 1
    spaces = width - sum(map(len, line))
    out = ""
    for i, w in enumerate(line[:-1]):
        out += w + " " * (spaces // gaps + (i < spaces % gaps))
    return out + line[-1]
for line in wrap(words, 20):
    print("|" + justify(line, 20) + "|")
lines = [" ".join(l) for l in wrap(words, 16)]
width = max(map(len, lines))
print("+" + "-" * (width + 2) + "+")
for l in lines:
    print("| " + l.center(width) + " |")
print("+" + "-" * (width + 2) + "+")
