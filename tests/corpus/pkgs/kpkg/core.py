"""kpkg.core: a function and a module-level counter."""
calls = 0
def greet(name):
    global calls
    calls += 1
    return "hello, %s" % name
