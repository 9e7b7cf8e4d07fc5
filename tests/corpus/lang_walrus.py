# Assignment expressions in conditions, comprehensions and loops.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
i = 0
while (item := data[i]) != 9:
    print("item", item)
    i += 1
print("stopped at", item, i)
squares = [y for x in data if (y := x * x) > 10]
print(squares, y)
total = 0
partials = [total := total + x for x in data]
print(partials, total)
print([last := c for c in "abc"], last)
def f():
    [z := k for k in range(4)]
    return z
print(f())
print((w := 5) + w)
stack = [1, 2, 3]
out = []
while stack and (top := stack.pop()):
    out.append(top)
print(out)
def g(seq):
    if any((hit := v) > 5 for v in seq):
        return hit
    return None
print(g([1, 7, 3]), g([1, 2]))
