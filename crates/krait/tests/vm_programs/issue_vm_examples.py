# The VM examples of the issue: compile/exec/dis of a code string, co_code.hex(),
# opcode tables, and a walk of sys._getframe() through f_back (module globals in
# CPython's order).
import dis, opcode, sys
code = compile("x = 1\nprint(x + 2)", "", "exec")
print(type(code), code.co_code)
exec(code)
dis.dis(code)
print(code.co_code.hex(), opcode.opname[0x64], opcode.opmap['LOAD_NAME'])
def walk():
    f = sys._getframe()
    while f:
        print(f.f_code.co_name, list(f.f_locals.keys()))
        f = f.f_back
def outer():
    a = 1
    walk()
outer()
