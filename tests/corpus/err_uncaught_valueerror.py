# An uncaught ValueError from a nested call: traceback on stderr, exit 1.
def parse(text):
    return int(text)
def load(items):
    return [parse(t) for t in items]
print("loading")
print(load(["1", "2"]))
load(["3", "four"])
print("not reached")
