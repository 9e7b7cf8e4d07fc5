def g1():
    try:
        a()
    except* ValueError:
        b()

def g2():
    try:
        a()
    except* ValueError as e:
        b(e)
    except* (TypeError, KeyError) as e2:
        c(e2)
    else:
        d()

def g3():
    try:
        a()
    except* ValueError as e:
        b(e)
    finally:
        c()

def g4(x):
    for i in x:
        try:
            a()
        except* E:
            for j in i:
                if j: break
                continue
