# `in` falls back from __contains__ to __iter__ to __getitem__; comparisons use == and identity.
class WithContains:
    def __contains__(self, x):
        print("contains", x)
        return x == 1
class WithIter:
    def __iter__(self):
        print("iter")
        return iter([1, 2, 3])
class WithGetitem:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        print("getitem", i)
        return i * 10
print(1 in WithContains(), 2 in WithContains(), 3 in WithIter(), 10 in WithGetitem(), 99 in WithGetitem())
class ReturnsTruthy:
    def __contains__(self, x): return "yes"
print(5 in ReturnsTruthy(), 5 not in ReturnsTruthy())
nan = float("nan")
print(nan in [nan], nan in [float("nan")], [nan] == [nan])
try:
    1 in 5
except TypeError as e:
    print("TypeError:", e)
