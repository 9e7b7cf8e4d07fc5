# Reference cycles made in loops and in calls are collected automatically
# (CPython's generation thresholds), so memory stays flat.
import gc


class Node:
    def __init__(self):
        self.other = None


def pair():
    a = Node()
    b = Node()
    a.other = b
    b.other = a


for i in range(200_000):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
    lst = []
    lst.append(lst)
print("loop", gc.get_count()[0] < 50_000)
i = 0
while i < 100_000:
    pair()
    i += 1
print("calls", gc.get_count()[0] < 50_000)
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.collect() >= 0)
