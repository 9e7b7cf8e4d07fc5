# Linked list, binary search tree and a trie built from classes.
class ListNode:
    __slots__ = ("val", "next")
    def __init__(self, val, nxt=None): self.val, self.next = val, nxt
def from_list(xs):
    head = None
    for x in reversed(xs):
        head = ListNode(x, head)
    return head
def to_list(h):
    out = []
    while h:
        out.append(h.val); h = h.next
    return out
def reverse(h):
    prev = None
    while h:
        h.next, prev, h = prev, h, h.next
    return prev
print(to_list(reverse(from_list(range(6)))))
class BST:
    def __init__(self): self.root = None
    def insert(self, k):
        def ins(n):
            if n is None: return [k, None, None]
            if k < n[0]: n[1] = ins(n[1])
            elif k > n[0]: n[2] = ins(n[2])
            return n
        self.root = ins(self.root)
    def inorder(self):
        def walk(n):
            if n:
                yield from walk(n[1]); yield n[0]; yield from walk(n[2])
        return list(walk(self.root))
    def height(self, n="root"):
        n = self.root if n == "root" else n
        return 0 if n is None else 1 + max(self.height(n[1]), self.height(n[2]))
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 30, 65]:
    t.insert(k)
print(t.inorder(), t.height())
class Trie:
    def __init__(self): self.kids, self.end = {}, False
    def add(self, w):
        n = self
        for ch in w:
            n = n.kids.setdefault(ch, Trie())
        n.end = True
    def words(self, prefix=""):
        if self.end: yield prefix
        for ch in sorted(self.kids):
            yield from self.kids[ch].words(prefix + ch)
tr = Trie()
for w in "tea ten to inn in i tea".split():
    tr.add(w)
print(list(tr.words()), list(tr.kids["t"].words("t")))
