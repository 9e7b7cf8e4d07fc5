# dict methods: get/setdefault/pop/popitem/update/keys/values/items/fromkeys/copy/clear.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 100), d)
print(d.pop("b"), d.pop("zz", "dflt"), d)
d.update({"x": 9}, y=8)
d.update([("p", 1), ("q", 2)])
print(d, d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(dict.fromkeys("abc"), dict.fromkeys(range(3), []), d.copy() == d, d.copy() is d)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    d.update([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print("ValueError:", e)
d.clear()
print(d, len(d), bool(d))
print(dict(a=1, **{"b": 2}), dict([(1, 2)], c=3), dict(zip("ab", "xy")), dict({"k": 1}))
print({1: "a"} | {1: "b", 2: "c"}, {**{1: 1}, **{1: 2}})
