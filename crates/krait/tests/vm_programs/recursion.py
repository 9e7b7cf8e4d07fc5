import sys

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

print(depth(900))
try:
    depth(5000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(60000)
print(depth(50000))

def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print(ack(2, 3))
