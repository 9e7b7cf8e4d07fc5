# Catching BaseException subclasses: SystemExit and KeyboardInterrupt inside try blocks and finally.
import sys
def attempt(exc):
    try:
        raise exc
    except Exception:
        return "Exception caught it"
    except BaseException as e:
        return "BaseException caught %s %r" % (type(e).__name__, e.args)
for exc in (SystemExit(2), KeyboardInterrupt(), GeneratorExit(), ValueError(1)):
    print(attempt(exc))
try:
    try:
        sys.exit("message")
    finally:
        print("finally during SystemExit")
except SystemExit as e:
    print("code:", e.code)
print("program continues after catching SystemExit")
