# json and csv in memory: dumps options, custom encoders, csv reader/writer/DictReader.
import json, csv, io
data = {"b": [1, 2.5, None], "a": {"x": True}, "s": "é\"\n"}
print(json.dumps(data), json.dumps(data, sort_keys=True, separators=(",", ":")), json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=1, sort_keys=True))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=Enc), json.loads("[1, 2]", object_hook=None), json.loads('{"a": 1}', object_pairs_hook=list))
try:
    json.dumps(object())
except TypeError as e:
    print("TypeError:", e)
buf = io.StringIO()
w = csv.writer(buf)
w.writerow(["name", "note"])
w.writerow(["ann", 'says "hi", twice'])
w.writerow(["bob", "multi\nline"])
print(repr(buf.getvalue()))
print(list(csv.reader(io.StringIO(buf.getvalue()))))
rows = list(csv.DictReader(io.StringIO("a,b\n1,2\n3,4\n")))
print(rows)
