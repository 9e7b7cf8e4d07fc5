# Deep trees: ast construction and obj2ast are bounded by the recursion limit
# with CPython's RecursionError messages, never a crash.
import _ast

for n in [100, 900, 4000, 20000]:
    src = "-" * n + "1"
    try:
        t = compile(src, "d", "exec", _ast.PyCF_ONLY_AST)
    except (RecursionError, MemoryError) as e:
        print(n, "parse:", type(e).__name__, e)
        continue
    try:
        c = compile(t, "d", "exec")
        print(n, "compiled")
    except RecursionError as e:
        print(n, "compile:", e)

# A hand-built chain much deeper than the limit.
node = _ast.Constant(1, lineno=1, col_offset=0)
for i in range(5000):
    node = _ast.UnaryOp(_ast.USub(), node, lineno=1, col_offset=0)
try:
    compile(_ast.Expression(node), "d", "eval")
except RecursionError as e:
    print("built:", e)

# A cycle in a tree.
loop = _ast.BinOp(None, _ast.Add(), None, lineno=1, col_offset=0)
loop.left = loop
loop.right = _ast.Constant(1, lineno=1, col_offset=0)
try:
    compile(_ast.Expression(loop), "d", "eval")
except RecursionError as e:
    print("cycle:", e)

# Where compile(tree) starts to refuse: the recursion limit, counted from here.
for n in range(990, 1000):
    t = compile("-" * n + "1", "d", "exec", _ast.PyCF_ONLY_AST)
    try:
        compile(t, "d", "exec")
    except RecursionError as e:
        print("first refused:", n, e)
        break
