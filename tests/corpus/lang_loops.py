# for/while with else, break, continue, nested loops.
for i in range(5):
    if i == 3:
        break
    print("for", i)
else:
    print("not reached")
for i in range(3):
    pass
else:
    print("for-else ran, i =", i)
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n > 6:
        break
    print("while", n)
else:
    print("not reached")
k = 0
while k < 2:
    k += 1
else:
    print("while-else ran", k)
def find(matrix, target):
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            if v == target:
                break
        else:
            continue
        return r, c
    return None
m = [[1, 2], [3, 4], [5, 6]]
print(find(m, 4), find(m, 7))
for x in []:
    print("never")
else:
    print("empty-for else")
out = []
for a in "ab":
    for b in "xy":
        if b == "y" and a == "b":
            break
        out.append(a + b)
print(out)
it = iter(range(10))
for x in it:
    if x == 2:
        next(it)
    print(x, end=" ")
print()
