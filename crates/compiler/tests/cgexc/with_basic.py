def w1():
    with a:
        b()

def w2():
    with a as x, b as (y, z):
        c(x, y, z)

def w3(x):
    for i in x:
        with i as j:
            if j:
                break
            continue

def w4(x):
    with x:
        return x()

def w5(x):
    with x:
        return 1

async def aw1():
    async with a as b:
        await b()

async def aw2(x):
    async with a, b as c:
        for i in x:
            if i: break
        return c

async def aw3():
    with a:
        async with b:
            pass

with open("f") as f:
    data = f.read()
