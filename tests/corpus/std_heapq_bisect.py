# heapq and bisect: priority queues, merge, insort, binary search helpers.
import heapq, bisect
tasks = []
for prio, name in [(3, "low"), (1, "urgent"), (2, "mid"), (1, "urgent2")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(len(tasks))])
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])), heapq.nsmallest(3, [5, 1, 8, 2, 9], key=lambda x: -x))
h = [9, 4, 7]
heapq.heapify(h)
print(heapq.heappushpop(h, 1), heapq.heapreplace(h, 10), sorted(h))
a = [10, 20, 30, 40]
print(bisect.bisect_left(a, 20), bisect.bisect_right(a, 20), bisect.bisect(a, 25), bisect.bisect_left(a, 5))
bisect.insort(a, 25)
bisect.insort_left(a, 20)
print(a)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in (33, 65, 77, 89, 95, 100)])
print(bisect.bisect([{"k": 1}, {"k": 5}], 3, key=lambda d: d["k"]))
