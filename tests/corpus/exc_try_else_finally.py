# try/except/else/finally ordering in every combination.
def run(kind):
    log = []
    try:
        log.append("try")
        if kind == "raise":
            raise ValueError("v")
        if kind == "other":
            raise KeyError("k")
    except ValueError as e:
        log.append("except " + repr(e))
    except (TypeError, KeyError) as e:
        log.append("except2 " + type(e).__name__)
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for k in ("ok", "raise", "other"):
    print(k, run(k))
def nested():
    try:
        try:
            raise TypeError("inner")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e)
    else:
        print("no else")
nested()
def bare():
    try:
        1 / 0
    except:
        return "bare except caught"
print(bare())
try:
    pass
finally:
    print("finally without except")
def else_raises():
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise ValueError("from else")
try:
    else_raises()
except ValueError as e:
    print("caught", e)
