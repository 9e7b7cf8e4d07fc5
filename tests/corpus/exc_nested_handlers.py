# Deeply nested try blocks, exceptions crossing function boundaries and finally ordering.
log = []
def a():
    try:
        b()
    finally:
        log.append("a finally")
def b():
    try:
        c()
    except KeyError:
        log.append("b caught KeyError (not this one)")
    finally:
        log.append("b finally")
def c():
    try:
        raise ValueError("from c")
    finally:
        log.append("c finally")
try:
    a()
except ValueError as e:
    log.append("top caught " + str(e))
print(log)
def depth(n):
    if n == 0:
        raise IndexError("bottom")
    try:
        depth(n - 1)
    except IndexError as e:
        raise IndexError("level %d" % n) from e
try:
    depth(3)
except IndexError as e:
    chain = []
    while e:
        chain.append(str(e))
        e = e.__cause__
    print(chain)
