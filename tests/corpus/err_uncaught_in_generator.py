# Uncaught exception raised inside a generator being consumed by list().
def numbers():
    yield 1
    yield 2
    raise LookupError("generator ran dry")
print(sum(numbers.__code__.co_consts[1:2] or (0,)))
print(list(numbers()))
