# Traceback objects: tb_lineno, tb_frame, tb_lasti relative order, traceback module formatting.
import traceback
def a(): b()
def b(): c()
def c(): raise ValueError("deep")
try:
    a()
except ValueError as e:
    tb = e.__traceback__
    while tb:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next
    print(traceback.format_exception_only(type(e), e))
    frames = traceback.extract_tb(e.__traceback__)
    print([(f.name, f.lineno, f.line) for f in frames])
try:
    x = {"k": [1, 2]}
    x["k"][5]
except IndexError as e:
    print([(f.name, f.line) for f in traceback.extract_tb(e.__traceback__)])
print(traceback.format_exception_only(KeyError("k"))[0], end="")
