# KeyboardInterrupt raised manually and not caught: traceback, exit status 1.
import sys
try:
    raise KeyboardInterrupt
except KeyboardInterrupt:
    print("caught once")
print("raising again", file=sys.stderr)
sys.stdout.flush()
raise KeyboardInterrupt("manual")
