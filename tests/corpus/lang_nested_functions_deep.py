# Deeply nested function definitions and closures over several levels, with nonlocal.
def level0():
    a = 0
    def level1():
        b = 1
        def level2():
            c = 2
            def level3():
                nonlocal a, b
                a += 10
                b += 20
                def level4():
                    return a + b + c
                return level4
            return level3
        return level2
    l3 = level1()()
    l4 = l3()
    return a, l4(), l4.__qualname__
print(level0())
def counters():
    fns = []
    for i in range(3):
        def make(i=i):
            count = [i]
            def inc():
                count[0] += 1
                return count[0]
            return inc
        fns.append(make())
    return [f() for f in fns] + [fns[0]()]
print(counters())
