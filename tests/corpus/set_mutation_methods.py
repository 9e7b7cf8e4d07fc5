# In-place set methods return None; update variants with several iterables; discard vs remove.
s = {1, 2, 3}
print(s.update([4], (5,), {6: "dict keys"}), sorted(s))
print(s.intersection_update(range(5), [1, 2, 3, 4, 99]), sorted(s))
print(s.difference_update({1}, [2]), sorted(s))
print(s.symmetric_difference_update([4, 10]), sorted(s))
print(s.discard(42), s.add(3), sorted(s), s.copy() == s, s.copy() is s)
try:
    s.update(5)
except TypeError as e:
    print("TypeError:", e)
s.clear()
print(s, len(s), bool(s))
a = {1, 2}
b = a
a |= {3}
print(b, a is b)
a = a | {4}
print(b, a is b)
