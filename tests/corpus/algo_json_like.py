# A hand-written JSON serializer/parser round trip compared with the json module.
import json
def dump(v):
    if v is None: return "null"
    if v is True: return "true"
    if v is False: return "false"
    if isinstance(v, (int, float)): return repr(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(v, list): return "[" + ", ".join(dump(x) for x in v) + "]"
    if isinstance(v, dict): return "{" + ", ".join(dump(k) + ": " + dump(x) for k, x in v.items()) + "}"
    raise TypeError("cannot dump %s" % type(v).__name__)
doc = {"name": "krait", "tags": ["a", "b\"q"], "n": 3, "f": 2.5, "ok": True, "none": None, "nested": {"x": [1, [2, {}]]}, "nl": "a\nb"}
s = dump(doc)
print(s)
print(json.loads(s) == doc, json.dumps(doc) == s)
print(json.dumps(doc, indent=2, sort_keys=True).splitlines()[:5])
try:
    dump({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e.msg, e.pos)
print(json.dumps([float("inf"), "é", 1e100]), json.dumps("é", ensure_ascii=False))
