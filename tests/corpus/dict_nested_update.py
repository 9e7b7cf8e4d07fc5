# Nested dicts: setdefault trees, recursive get, flatten/unflatten keys, dict equality.
def tree():
    return {}
def insert(t, path, value):
    for p in path[:-1]:
        t = t.setdefault(p, {})
    t[path[-1]] = value
def flatten(d, prefix=""):
    out = {}
    for k, v in d.items():
        key = prefix + k
        if isinstance(v, dict):
            out.update(flatten(v, key + "."))
        else:
            out[key] = v
    return out
def unflatten(flat):
    root = {}
    for k, v in flat.items():
        insert(root, k.split("."), v)
    return root
t = tree()
insert(t, ["a", "b", "c"], 1)
insert(t, ["a", "b", "d"], 2)
insert(t, ["a", "e"], 3)
insert(t, ["f"], 4)
print(t)
print(flatten(t), unflatten(flatten(t)) == t)
def get_path(d, path, default=None):
    for p in path:
        if not isinstance(d, dict) or p not in d:
            return default
        d = d[p]
    return d
print(get_path(t, ["a", "b", "d"]), get_path(t, ["a", "x"], "missing"), get_path(t, ["f", "g"], "not a dict"))
