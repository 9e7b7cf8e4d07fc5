# Generators driven by FOR_ITER (resumed in the running eval loop): yields,
# returns, errors, PEP 479, re-entrancy, frames, recursion limit, close.
import sys
def g(n):
    for i in range(n):
        yield i
print(list(g(3)), [x for x in g(4)])
for x in g(2): print('x', x)
def stopper():
    yield 1
    raise StopIteration('boom')
try:
    for x in stopper(): print('s', x)
except RuntimeError as e:
    print('RE', e, repr(e.__cause__), e.__suppress_context__)
def raiser():
    yield 1
    raise ValueError('v')
try:
    for x in raiser(): print('r', x)
except ValueError as e:
    print('VE', e, e.__context__)
try:
    raise KeyError('k')
except KeyError:
    try:
        for x in raiser(): pass
    except ValueError as e:
        print('ctx', repr(e.__context__))
def selfref():
    yield gen.gi_running
    try:
        next(gen)
    except ValueError as e:
        yield str(e)
gen = selfref()
for x in gen: print('sr', x)
def ret():
    yield 1
    return 5
for x in ret(): print('ret', x)
it = g(5)
for x in it:
    if x == 2: break
print('rest', list(it))
def outer():
    for x in g(3):
        yield x * 10
print(list(outer()))
def nested():
    for a in g(2):
        for b in g(2):
            yield (a, b)
print(list(nested()))
def frames():
    yield sys._getframe().f_back.f_code.co_name
    yield sys._getframe().f_back is not None
def caller():
    return [v for v in frames()]
print(caller())
ge = g(3)
print(ge.gi_frame is not None, ge.gi_running)
for x in ge:
    print(ge.gi_running, ge.gi_frame.f_lineno)
print(ge.gi_frame)
def exc_in_gen():
    try:
        raise TypeError('t')
    except TypeError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
try:
    raise OSError
except OSError:
    for v in exc_in_gen(): print('ei', v, sys.exc_info()[0])
def deep(n):
    if n:
        for x in deep(n - 1): yield x
    else:
        yield 'bottom'
print(list(deep(50)))
sys.setrecursionlimit(120)
try:
    print(list(deep(200)))
except RecursionError as e: print('RecursionError', e)
sys.setrecursionlimit(1000)
def tb():
    yield 1
    1/0
try:
    for _ in tb(): pass
except ZeroDivisionError as e:
    t = e.__traceback__; n = []
    while t: n.append(t.tb_frame.f_code.co_name); t = t.tb_next
    print(n)
def closer():
    try:
        yield 1
        yield 2
    finally:
        print('closed')
for x in closer():
    break
print('after break')
def genexc():
    try:
        yield 1
    except GeneratorExit:
        print('GE')
        raise
c = genexc()
for x in c: break
del c
print('end')

# The handled exception seen inside generators falls back to the caller's.
def g():
    yield sys.exc_info()[0]
    yield sys.exception()
    try:
        raise
    except Exception as e:
        yield ('reraise', type(e))
    try:
        1/0
    except ZeroDivisionError as e:
        yield repr(e.__context__)
try:
    raise KeyError(1)
except KeyError:
    for x in g(): print(x)
    print(list(g()))
print(sys.exception(), sys.exc_info())
def h():
    raise ValueError
try:
    raise TypeError
except TypeError:
    try:
        h()
    except ValueError as e:
        print(repr(e.__context__))
