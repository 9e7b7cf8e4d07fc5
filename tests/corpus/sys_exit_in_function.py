# sys.exit deep in the stack, with finally and with blocks unwinding on the way.
import sys
class CM:
    def __enter__(self): return self
    def __exit__(self, *exc):
        print("CM exit sees", exc[0].__name__)
        return False
def level3():
    with CM():
        sys.exit(7)
def level2():
    try:
        level3()
    finally:
        print("level2 finally")
def level1():
    try:
        level2()
    except Exception:
        print("Exception does not catch SystemExit")
level1()
