# Sets of str, float, tuple and mixed keys (PYTHONHASHSEED=0).
print(set('hello'), set('abracadabra'), frozenset('mississippi'))
words = ['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape']
print(set(words), {w[::-1] for w in words})
print({1.5, 2.5, -0.0, 1e300, float('inf'), 0.1, 3.0, 3})
print({(1, 2), (2, 1), ('a', 1), (), ((1,), 2)})
print({1, 'a', 2.5, (1, 'b'), True, 'hello', b'xy', frozenset({1})})
print({'x': 1, 'y': 2}.keys() | {'z'}, set({'b': 1, 'a': 2, 'c': 3}))
print(hash(frozenset({1, 2, 3})), hash(frozenset()), hash(frozenset('abc')))
print(hash(frozenset(range(100))), frozenset({1, 2}) == frozenset({2, 1}))
fs = {frozenset({1, 2}), frozenset({3}), frozenset()}
print(fs)
for x in {'q', 'w', 'e', 'r', 't', 'y'}:
    print(x, end=' ')
print()
print(sorted({3, 1, 2}), list({'b', 'a'}), tuple({5, 3}))
