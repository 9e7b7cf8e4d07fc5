# Mutation during iteration, and keys whose __eq__ mutates the set.
s = set(range(5))
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print('RuntimeError:', e)
s = {1, 2, 3}
it = iter(s)
next(it)
s.discard(2)
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    next(it)
except RuntimeError as e:
    print('sticky:', e)
except StopIteration:
    print('stop')
s = {1, 2, 3}
for x in s:
    s.discard(x); s.add(x + 100)
print('same size ok', sorted(s))

class K:
    def __init__(self, v, victim=None):
        self.v = v
        self.victim = victim
    def __hash__(self):
        return 7
    def __eq__(self, other):
        if self.victim is not None:
            self.victim.clear()
        return isinstance(other, K) and self.v == other.v
    def __repr__(self):
        return f'K({self.v})'

s = {K(1), K(2)}
print(len(s), K(1) in s)
t = set()
t.add(K(1))
t.add(K(1, victim=t))
print(len(t))
u = {K(i) for i in range(12)}
print(sorted(k.v for k in u), K(5) in u, K(50) in u)
try:
    set().pop()
except KeyError as e:
    print('KeyError', e)
try:
    {1}.remove(2)
except KeyError as e:
    print('KeyError', e)

class E:
    def __hash__(self):
        return 1
    def __eq__(self, o):
        raise ValueError('boom')

s = {E()}
try:
    s.add(E())
except ValueError as e:
    print('ValueError', e, len(s))
try:
    print(1 in s)
except ValueError as e:
    print('in:', e)
try:
    {[]}
except TypeError as e:
    print(e)
s = set(range(8)); it = iter(s); print(next(it)); s.pop(); s.add(100)
try:
    print(next(it))
except RuntimeError as e:
    print(e)
s = set()
for i in range(0, 200, 8):
    s.add(i)
for i in range(0, 100, 8):
    s.discard(i)
print(s)
s.add(8); s.add(0); print(s)
