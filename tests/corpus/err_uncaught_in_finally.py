# An exception in finally replaces the pending one; traceback shows both.
def f():
    try:
        raise ValueError("first")
    finally:
        print("finally runs")
        {}["second"]
f()
