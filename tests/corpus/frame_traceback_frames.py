# Frames reachable from a traceback keep their locals; tb_frame.f_back chain.
def fail(n):
    local_marker = "in fail %d" % n
    raise ValueError(n)
def caller():
    caller_marker = 1
    fail(7)
try:
    caller()
except ValueError as e:
    tb = e.__traceback__
    seen = []
    while tb is not None:
        fr = tb.tb_frame
        seen.append((fr.f_code.co_name, tb.tb_lineno, sorted(k for k in fr.f_locals if k.endswith("marker") or k == "n")))
        tb = tb.tb_next
    print(seen)
    last = e.__traceback__.tb_next.tb_next.tb_frame
    print(last.f_locals["local_marker"], last.f_back.f_code.co_name)
import inspect
def who_called_me():
    return inspect.stack()[1].function, inspect.currentframe().f_code.co_name
def outer_fn():
    return who_called_me()
print(outer_fn())
