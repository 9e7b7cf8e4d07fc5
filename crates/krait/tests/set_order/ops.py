# Set operations build their results in CPython's order.
a = {1, 2, 3, 9, 17}
b = {9, 17, 25, 33, 2}
print(a | b, b | a, a & b, b & a, a - b, b - a, a ^ b, b ^ a)
print(a.union([40, 8], {24}), a.intersection([17, 9, 1]), a.difference({2}, [3]))
print(a.symmetric_difference([1, 100, 9]), frozenset(a) | b, b | frozenset(a))
c = set(a); c |= {41, 49}; print(c)
c &= {1, 41, 49, 2, 100}; print(c)
c -= {41}; print(c)
c ^= {2, 57, 65}; print(c)
d = set(range(20))
d.difference_update(range(0, 20, 2)); print(d)
d.intersection_update({1, 3, 5, 21, 7}, [7, 5, 1]); print(d)
d.symmetric_difference_update({'k': 1, 1: 2, 9: 3}); print(d)
d.update({'z': 0, 'y': 1}, [33, 41], {49}); print(d)
print(set('abracadabra') ^ set('alacazam'), set('abc') - set('b'))
small, large = {1, 2}, set(range(100))
print(small & large, large & small, large - set(range(3, 100)))
print({1, 1.0, True}, {True, 1.0, 1} & {1}, {1.0} | {1})
