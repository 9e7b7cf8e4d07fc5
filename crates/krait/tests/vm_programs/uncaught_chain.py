class Boom(Exception):
    pass

def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise Boom("cannot parse " + s) from e

def run():
    try:
        parse("x1")
    except Boom:
        raise TypeError("during handling")

run()
