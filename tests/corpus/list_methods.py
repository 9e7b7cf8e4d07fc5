# list methods: append/extend/insert/pop/remove/index/count/reverse/copy/clear.
l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.extend(range(2)); l.insert(0, 0); l.insert(100, "end"); l.insert(-1, "before end")
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print(l, l.index(5), l.index(0, 3), l.count(0), l.count(99))
l.reverse()
c = l.copy()
c.append("copy only")
print(l, c, l == c[:-1], l is c)
l.clear()
print(l, len(l))
for bad in (lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2), lambda: [1].index(1, 1)):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
x = [1, 2]
x.extend(x)
print(x)
x[len(x):] = [9]
x *= 2
print(x, x * 0, [None] * 3, [[0] * 2] * 2)
