# dis.dis and dis.get_instructions of small functions (no nested code objects, no addresses).
import dis
def add(a, b):
    return a + b
def branch(x):
    if x > 0:
        return "pos"
    return "neg"
def loop(n):
    t = 0
    for i in range(n):
        t += i
    return t
dis.dis(add)
dis.dis(branch)
print([(i.opname, i.argrepr) for i in dis.get_instructions(loop)])
print([l for l in dis.code_info(add).splitlines()[:6] if not l.startswith("Filename")])
import io
out = io.StringIO()
dis.dis(loop, file=out)
print(" at 0x" in out.getvalue(), out.getvalue().count("\n") > 10)
