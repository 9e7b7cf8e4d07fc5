# dict reversal, slice attributes, view isdisjoint.
d = {"a": 1, "b": 2, "c": 3}
print(list(reversed(d)), list(reversed(d.items())))
s = slice(1, None, -2)
print(s.start, s.stop, s.step, slice(5).stop)
print(d.keys().isdisjoint(["x"]), d.items().isdisjoint([("a", 1)]))
