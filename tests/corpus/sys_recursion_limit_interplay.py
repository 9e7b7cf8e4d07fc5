# Recursion limit with generators and methods; recovering after RecursionError; limit too low error.
import sys
sys.setrecursionlimit(200)
def rec(n):
    return 0 if n == 0 else 1 + rec(n - 1)
print(rec(150))
try:
    rec(300)
except RecursionError:
    print("RecursionError at limit 200")
def gen_rec(n):
    if n:
        yield from gen_rec(n - 1)
    yield n
print(sum(gen_rec(100)))
try:
    sum(gen_rec(500))
except RecursionError:
    print("RecursionError in nested generators")
class Node:
    def __init__(self, child=None): self.child = child
    def depth(self): return 1 + (self.child.depth() if self.child else 0)
n = None
for _ in range(120):
    n = Node(n)
print(n.depth())
sys.setrecursionlimit(1000)
print(rec(900))
