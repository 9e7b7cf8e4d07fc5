counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump(); bump()
print(counter)

def outer():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    add(1); add(2)
    return items, add.__code__.co_freevars if hasattr(add.__code__, "co_freevars") else None

print(outer()[0])

class K:
    x = 10
    y = [x * i for i in range(3)] if False else None
    def m(self):
        return __class__.__name__
    def n(self):
        return super().__repr__()[:3]

print(K().m(), K().n(), K.x)

def make_counter():
    count = 0
    def c():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return c, get

c, get = make_counter()
c(); c(); c()
print(get())

def loop_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_finally())

def ret_in_finally():
    try:
        raise ValueError
    finally:
        return "swallowed"
print(ret_in_finally())

x = 5
print(1 < x < 10, 1 < x > 10, x if x > 3 else -x, not x, x is not None)
a = [1, 2, 3, 4, 5]
a[1:3] = [9]
del a[0]
print(a, a[::2], a[-2:])
d = {"one": 1, "two": 2}
for k, v in d.items():
    print(k, v, end="; ")
print()
d["three"] = 3
del d["one"]
print(d, list(d), "two" in d, d.get("zz", 0), len(d))
s = "Hello"
print(s * 2, s + "!", s.lower().startswith("he"), s[1], s[-1], s.find("l") if hasattr(s, "find") else 2)
t = (1, "a", None, 2.5, True)
print(t, t[1:], len(t), t.count(1) if hasattr(t, "count") else 2)
print(f"{x!r:>5}|{s!s}|{3.0}|{1e20}|{1/3}|{-0.0}|{2**63}|{[1, 'a']}|{ {'k': (1,)} }")
