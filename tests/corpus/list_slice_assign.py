# Slice assignment and deletion growing, shrinking and with steps.
l = list(range(10))
l[2:5] = []
print(l)
l[1:1] = ["a", "b"]
print(l)
l[-2:] = "xyz"
print(l)
l[::2] = range(len(l[::2]))
print(l)
del l[::3]
print(l)
l[:] = []
print(l)
l = [1, 2, 3]
l[5:10] = [9]
print(l)
l[-100:1] = [0]
print(l)
try:
    l[::-1] = [1]
except ValueError as e:
    print("ValueError:", e)
l[::-1] = l[:]
print(l)
l = list(range(6))
l[1:4] = l
print(l)
try:
    l[0:1] = 5
except TypeError as e:
    print("TypeError:", e)
