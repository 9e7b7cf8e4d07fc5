# copy and pickle: shallow vs deep, custom __copy__/__deepcopy__, __reduce__, round trips.
import copy, pickle
class Node:
    def __init__(self, v, kids=()): self.v, self.kids = v, list(kids)
    def __repr__(self): return "Node(%r, %r)" % (self.v, self.kids)
    def __eq__(self, o): return isinstance(o, Node) and (self.v, self.kids) == (o.v, o.kids)
tree = Node(1, [Node(2), Node(3, [Node(4)])])
shallow, deep = copy.copy(tree), copy.deepcopy(tree)
tree.kids[0].v = 20
print(shallow.kids[0].v, deep.kids[0].v, deep == tree)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is not cyc)
class Custom:
    def __init__(self): self.data = [1]
    def __copy__(self):
        print("__copy__ called")
        c = Custom.__new__(Custom); c.data = self.data; return c
    def __deepcopy__(self, memo):
        print("__deepcopy__ called")
        c = Custom.__new__(Custom); c.data = copy.deepcopy(self.data, memo); return c
copy.copy(Custom()); copy.deepcopy(Custom())
for obj in (tree, {"a": (1, 2.5, None)}, [b"x", "é", 10**30], {1, 2}, frozenset("a"), range(3), Exception("x", 1)):
    data = pickle.dumps(obj, protocol=4)
    back = pickle.loads(data)
    print(type(back).__name__, back == obj or repr(back) == repr(obj))
print(pickle.loads(pickle.dumps(cyc))[1][1][0])
class Reduced:
    def __init__(self, a): self.a = a
    def __reduce__(self): return (Reduced, (self.a * 2,))
print(pickle.loads(pickle.dumps(Reduced(5))).a)
