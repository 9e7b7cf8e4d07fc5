# Compiler limits reached through compile(): nested blocks, deep expressions, many branches.
def nested_loops(n):
    src = ""
    for i in range(n):
        src += " " * i + "for i%d in range(1):\n" % i
    src += " " * n + "pass\n"
    return src
for n in (19, 20, 21):
    try:
        compile(nested_loops(n), "<nested>", "exec")
        print(n, "nested loops compile")
    except SyntaxError as e:
        print(n, "SyntaxError:", e.msg)
src = "x = " + " + ".join("a%d" % i for i in range(200)) + "\n"
code = compile(src, "<wide>", "exec")
print(len(code.co_names), code.co_names[-1])
try:
    compile("x = " + " + ".join(["a"] * 100000), "<too-deep>", "exec")
except RecursionError as e:
    print("RecursionError:", e)
chain = "def f(v):\n" + "".join("    %sif v == %d:\n        return %d\n" % ("el" if i else "", i, i * i) for i in range(400))
ns = {}
exec(compile(chain, "<chain>", "exec"), ns)
print(ns["f"](0), ns["f"](399), ns["f"](1000))
try:
    compile("(" * 300 + ")" * 300, "<parens>", "eval")
except (SyntaxError, RecursionError, MemoryError) as e:
    print(type(e).__name__, getattr(e, "msg", str(e)))
nested_ifs = "".join(" " * i + "if True:\n" for i in range(40)) + " " * 40 + "y = 'deep if'\n"
g = {}
exec(compile(nested_ifs, "<ifs>", "exec"), g)
print(g["y"])
