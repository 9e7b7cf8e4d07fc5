# f_lineno and tb_lineno for multi-line statements, decorators, and expressions spanning lines.
import sys
def here():
    return sys._getframe(1).f_lineno
a = here()
b = (
    here()
)
c = [here(),
     here()]
print(a, b, c)
def deco(fn):
    fn.line = here()
    return fn
@deco
def decorated():
    return here()
print(decorated.line, decorated())
try:
    x = {
        "k": 1,
    }["missing"]
except KeyError as e:
    print("tb_lineno", e.__traceback__.tb_lineno)
def multi_line_call():
    return dict(
        a=1,
        b=1 / 0,
    )
try:
    multi_line_call()
except ZeroDivisionError as e:
    print("tb_lineno", e.__traceback__.tb_next.tb_lineno)
