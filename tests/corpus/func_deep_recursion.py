# Deep recursion with a raised limit: 20,000 Python frames.
import sys
sys.setrecursionlimit(100000)
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1
print(down(20000))
def build(n):
    return None if n == 0 else [n, build(n - 1)]
lst = build(15000)
count = 0
while lst:
    count += 1
    lst = lst[1]
print(count)
def sum_list(node):
    return 0 if node is None else node[0] + sum_list(node[1])
print(sum_list(build(10000)))
class Node:
    def __init__(self, nxt): self.nxt = nxt
    def length(self):
        return 1 + (self.nxt.length() if self.nxt else 0)
n = None
for _ in range(12000):
    n = Node(n)
print(n.length())
print(sys.getrecursionlimit())
