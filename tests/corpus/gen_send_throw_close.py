# Generator protocol: send, throw, close, GeneratorExit, return values.
def accumulator():
    total = 0
    try:
        while True:
            try:
                value = yield total
            except ValueError as e:
                print("gen caught", e)
                value = 0
            if value is None:
                break
            total += value
    except GeneratorExit:
        print("GeneratorExit in gen")
        raise
    finally:
        print("gen finally")
    return total
g = accumulator()
print(next(g), g.send(5), g.send(10), g.throw(ValueError("bad")), g.send(1))
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration value", e.value)
g2 = accumulator()
next(g2)
g2.close()
g2.close()
print(g2.gi_frame)
g3 = accumulator()
try:
    g3.send(1)
except TypeError as e:
    print("TypeError:", e)
g4 = accumulator()
next(g4)
try:
    g4.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g5 = ignores_exit()
next(g5)
try:
    g5.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(g5))  # finish it, so nothing is left to close at shutdown
def simple():
    yield 1
s = simple()
print(s.gi_running, s.gi_frame is not None, list(s), s.gi_frame)
try:
    next(s)
except StopIteration:
    print("exhausted")
