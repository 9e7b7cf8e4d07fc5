# Insertion order, re-insertion, views as live set-like objects, reversed.
d = {}
for k in "zyxw":
    d[k] = ord(k)
print(list(d))
d["z"] = 0
print(list(d))
del d["y"]
d["y"] = 1
print(list(d), list(reversed(d)), list(reversed(d.items()))[0])
ks, vs, its = d.keys(), d.values(), d.items()
d["new"] = 5
print(len(ks), "new" in ks, 5 in vs, ("new", 5) in its)
print(ks & {"z", "q"}, ks | {"q"} >= {"q"}, sorted(ks - {"z"}), sorted(ks ^ {"z", "q"}))
print(its & {("z", 0)}, d.keys() == {"z", "x", "w", "y", "new"}, repr(ks)[:10])
try:
    for k in d:
        d["another"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError:", e)
print(d == {k: d[k] for k in reversed(list(d))}, list(d) == list(reversed(list(reversed(d)))))
