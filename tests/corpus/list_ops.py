# List operators: concatenation, repetition, comparison, membership, identity, nesting.
a = [1, 2, 3]
b = a
c = a[:]
a.append(4)
print(b, c, a is b, a == c, a + c, c * 2, 3 in a, [3] in [a, [3]])
print([1, 2] < [1, 2, 0], [2] > [1, 100], [] < [[]], [1, [2, 3]] == [1, [2, 3]])
m = [[0] * 3 for _ in range(2)]
m[0][0] = 1
alias = [[0] * 3] * 2
alias[0][0] = 1
print(m, alias)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError:", e)
print(list("abc"), list(range(3)), list({1: 2}), list((1,)), list(), list(x for x in "hi"))
print(len([None] * 1000), [1, 2, 3][-1], [1, 2, 3][-3], a[::-1], a[1::2])
nested = [1, [2, [3, [4]]]]
def flatten(x):
    return [y for item in x for y in (flatten(item) if isinstance(item, list) else [item])]
print(flatten(nested))
print(repr([1, "a", 2.0, None, [True]]), str([]), [1, 2].__len__(), list.__name__)
