# sys.excepthook replaced: an uncaught exception goes through the hook; exit status stays 1.
import sys
def hook(tp, val, tb):
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("custom hook:", tp.__name__, val, names, file=sys.stderr)
sys.excepthook = hook
def explode():
    raise LookupError("through the hook")
print("before")
explode()
