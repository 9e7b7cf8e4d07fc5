# Hand-written sorting algorithms checked against sorted().
import random
def bubble(a):
    a = a[:]
    for i in range(len(a)):
        for j in range(len(a) - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
    return a
def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    l, r = merge_sort(a[:mid]), merge_sort(a[mid:])
    out, i, j = [], 0, 0
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            out.append(l[i]); i += 1
        else:
            out.append(r[j]); j += 1
    return out + l[i:] + r[j:]
def quick(a):
    if len(a) < 2:
        return a
    p, *rest = a
    return quick([x for x in rest if x < p]) + [p] + quick([x for x in rest if x >= p])
def heap_sort(a):
    a = a[:]
    n = len(a)
    def sift(i, n):
        while (c := 2 * i + 1) < n:
            if c + 1 < n and a[c + 1] > a[c]:
                c += 1
            if a[i] >= a[c]:
                return
            a[i], a[c] = a[c], a[i]
            i = c
    for i in range(n // 2 - 1, -1, -1):
        sift(i, n)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end)
    return a
rng = random.Random(7)
for size in (0, 1, 2, 10, 100, 500):
    data = [rng.randint(-50, 50) for _ in range(size)]
    ref = sorted(data)
    print(size, bubble(data[:100]) == sorted(data[:100]), merge_sort(data) == ref, quick(data) == ref, heap_sort(data) == ref)
print(merge_sort([5, 3, 9, 1, 3]), heap_sort(list("sorting")))
