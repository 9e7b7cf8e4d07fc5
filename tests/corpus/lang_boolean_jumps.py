# Compound boolean conditions in if/while/comprehensions: the short-circuit jump structure.
def classify(a, b, c):
    if a and (b or c) and not (a and b and c):
        return "partial"
    elif not a and not b or c and not b:
        return "mostly-off"
    elif (a or b) and (b or c) and (c or a):
        return "all-pairs"
    return "other"
import itertools
print([(bits, classify(*bits)) for bits in itertools.product((0, 1), repeat=3)])
def count_while(limit):
    i = n = 0
    while i < limit and (n < 5 or i % 2) and not (i > 3 and n > 10):
        n += i
        i += 1
    return i, n
print([count_while(k) for k in (0, 3, 10, 20)])
print([x for x in range(30) if x % 2 and x % 3 or x % 5 == 0 and not x % 10])
v = None
print(v is None or v > 0, v is not None and v > 0, (v or 0) + 1)
def nested_ternary(n):
    return "fizzbuzz" if n % 15 == 0 else "fizz" if n % 3 == 0 else "buzz" if n % 5 == 0 else str(n)
print(" ".join(nested_ternary(n) for n in range(1, 16)))
