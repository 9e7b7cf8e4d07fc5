# "Did you mean" suggestions on uncaught errors: attributes (dir of the
# object), then names (locals, globals, builtins) of the innermost frame.
class Config:
    def __init__(self):
        self.timeout = 3
try:
    Config().timout
except AttributeError as e:
    print(e.name, type(e.obj).__name__)
def f():
    lenght = 3
    return lengt
try:
    f()
except NameError as e:
    print(e, e.name)
prnt("x")
