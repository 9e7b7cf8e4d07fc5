# Uncaught TypeError from a bad call, deep in a lambda.
ops = {"add": lambda a, b: a + b, "neg": lambda a: -a}
print(ops["add"](1, 2), ops["neg"](5))
print(ops["neg"](1, 2))
