# A long function body: many locals, long if/elif chain, loops with large jump offsets.
def classify(n):
    a0 = n + 0; a1 = n + 1; a2 = n + 2; a3 = n + 3; a4 = n + 4; a5 = n + 5; a6 = n + 6; a7 = n + 7
    b0 = a0 * 2; b1 = a1 * 2; b2 = a2 * 2; b3 = a3 * 2; b4 = a4 * 2; b5 = a5 * 2; b6 = a6 * 2; b7 = a7 * 2
    total = 0
    for i in range(n):
        if i % 11 == 0:
            total += a0 + b0
        elif i % 11 == 1:
            total += a1 + b1
        elif i % 11 == 2:
            total += a2 + b2
        elif i % 11 == 3:
            total += a3 + b3
        elif i % 11 == 4:
            total += a4 + b4
        elif i % 11 == 5:
            total += a5 + b5
        elif i % 11 == 6:
            total += a6 + b6
        elif i % 11 == 7:
            total += a7 + b7
        elif i % 11 == 8:
            total -= a0 * b7 - a7 * b0 + a1 * b6 - a6 * b1 + a2 * b5 - a5 * b2 + a3 * b4 - a4 * b3
        elif i % 11 == 9:
            total += sum([a0, a1, a2, a3, a4, a5, a6, a7, b0, b1, b2, b3, b4, b5, b6, b7])
        else:
            total += len(str(a0)) + len(str(b7)) + (a0 ^ b7) + (a1 | b6) + (a2 & b5) + (a3 << 1) + (b4 >> 1)
        if total > 10 ** 6:
            total %= 999983
            continue
        while total < 0:
            total += 1000
    return total
print([classify(n) for n in (0, 1, 5, 11, 30, 100, 257)])
print(classify.__code__.co_nlocals, len(classify.__code__.co_code) > 512)
