# Mutating a list while iterating, index errors, list as stack/queue, enumerate.
lst = [1, 2, 3, 4, 5, 6]
for x in lst:
    if x % 2 == 0:
        lst.remove(x)
print(lst)
l2 = [1, 2, 3]
for i, x in enumerate(l2):
    if i < 5:
        l2.append(x * 10) if len(l2) < 6 else None
print(l2)
stack = []
for ch in "(a[b]{c})":
    if ch in "([{":
        stack.append(ch)
    elif ch in ")]}":
        print("match", stack.pop(), ch)
print(stack)
import collections
q = collections.deque([1, 2, 3], maxlen=4)
q.append(4); q.append(5); q.appendleft(0)
print(q, q.popleft(), q.pop(), q, q.maxlen)
q.rotate(1)
print(q, list(reversed(q)), q.count(2))
lst = list(range(5))
it = iter(lst)
next(it)
lst.clear()
print(list(it))
