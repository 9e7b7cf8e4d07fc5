# dict subclasses, defaultdict, OrderedDict, Counter, ChainMap.
from collections import defaultdict, OrderedDict, Counter, ChainMap
dd = defaultdict(list)
for w in "apple avocado banana blueberry cherry".split():
    dd[w[0]].append(w)
print(dict(dd), dd["z"], sorted(dd), repr(defaultdict(int, a=1)))
od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
od.move_to_end("e", last=False)
print(list(od), od.popitem(last=False), OrderedDict(a=1) == OrderedDict(a=1), OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1))
c = Counter("mississippi")
print(c.most_common(2), c["s"], c["z"], sorted(c.elements())[:4], c + Counter("ss"), c - Counter("iiii"))
print(Counter(a=3, b=1).total(), (Counter(a=3) & Counter(a=1)), +Counter(a=-1, b=2))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.maps, cm.new_child({"c": 4})["c"])
class Lower(dict):
    def __setitem__(self, k, v): super().__setitem__(k.lower(), v)
    def __getitem__(self, k): return super().__getitem__(k.lower())
lo = Lower()
lo["KEY"] = 1
print(lo["key"], lo["Key"], dict(lo), Lower(A=1))
