# Uncaught RecursionError: CPython collapses the repeated lines.
def walk(n):
    return walk(n + 1) + 1
print("about to recurse")
walk(0)
