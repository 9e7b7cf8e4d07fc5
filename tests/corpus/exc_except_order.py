# Handler selection: first matching clause wins, tuples, subclasses, except Exception vs BaseException.
def which(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup-specific " + type(e).__name__
    except LookupError:
        return "lookup generic"
    except ArithmeticError as e:
        return "arith " + type(e).__name__
    except Exception as e:
        return "exception " + type(e).__name__
    except BaseException as e:
        return "base " + type(e).__name__
for exc in (KeyError, IndexError("i"), UnicodeError, ZeroDivisionError, OverflowError(), ValueError, SystemExit(0), GeneratorExit, KeyboardInterrupt):
    print(which(exc))
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
class NotAnException: pass
try:
    raise NotAnException
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        raise ValueError("v")
    except (lambda: TypeError)():
        pass
except ValueError as e:
    print("handler expression evaluated, no match:", e)
