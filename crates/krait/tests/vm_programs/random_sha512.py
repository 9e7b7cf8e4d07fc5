import random
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice('abcdef'), random.getrandbits(70))
r = random.Random(12345)
print([r.randrange(1000) for _ in range(5)], r.uniform(1, 2), r.gauss(0, 1))
random.seed("hello")
print(random.random())
s = random.getstate(); a = random.random(); random.setstate(s); print(a == random.random())
l = list(range(10)); random.shuffle(l); print(l, random.sample(range(100), 3))
random.seed(2**100 + 7); print(random.random())
random.seed(-3); print(random.random())
print(type(random.Random()).__mro__)
import _sha512
h = _sha512.sha512(b"abc"); print(h.hexdigest(), h.name, h.digest_size, h.block_size, _sha512.sha384(b"").hexdigest())
c = h.copy(); c.update(b"d"); print(c.hexdigest()[:16], h.hexdigest()[:16])
try:
    _sha512.sha512("text")
except TypeError as e:
    print(e)
