# dict views: keys/values/items.
def show(f):
    try:
        r = f()
    except Exception as e:
        r = e
    print(repr(r))
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
show(lambda: (k, v, i))
show(lambda: (len(k), len(v), len(i)))
show(lambda: ("a" in k, "z" in k, 2 in v, 9 in v, ("b", 2) in i, ("b", 3) in i, "b" in i))
show(lambda: (list(k), list(v), list(i)))
show(lambda: (list(reversed(k)), list(reversed(v)), list(reversed(i))))
d["d"] = 4
show(lambda: (k, len(v), list(i)[-1]))
show(lambda: sorted(k & {"a", "z"}))
show(lambda: sorted(k | ["x"]))
show(lambda: sorted(k - {"a"}))
show(lambda: sorted(k ^ {"a", "q"}))
show(lambda: sorted(i & {("a", 1)}))
show(lambda: sorted({"b", "zz"} & k))
show(lambda: (k == {"a", "b", "c", "d"}, k == {"a"}, i == d.items(), v == v, v == d.values(), k != {"a"}))
show(lambda: (k <= {"a", "b", "c", "d", "e"}, k < {"a"}, k > {"a"}))
show(lambda: k.mapping == d)
show(lambda: v | v)
show(lambda: d.keys(1))
show(lambda: [x for x in d.items() if x[1] > 2])
show(lambda: dict(d.items()))
show(lambda: {}.keys())
show(lambda: set(d.keys()) == set("abcd"))
for key, val in d.items():
    print(key, val)
