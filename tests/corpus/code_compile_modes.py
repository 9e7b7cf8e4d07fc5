# compile(): exec/eval/single modes, flags, dont_inherit, optimize, filename in co_filename.
c1 = compile("a = 1\nb = a + 1\n", "<module-src>", "exec")
ns = {}
exec(c1, ns)
print(ns["b"], c1.co_filename, c1.co_name, type(c1).__name__)
c2 = compile("3 * 7", "<eval-src>", "eval")
print(eval(c2), c2.co_consts)
c3 = compile("print('single mode', 1 + 1)", "<single>", "single")
exec(c3)
c4 = compile("1 + 2", "<s>", "single")
exec(c4)
import ast
tree = ast.parse("x = 40 + 2")
c5 = compile(tree, "<ast>", "exec")
g = {}
exec(c5, g)
print(g["x"])
c6 = compile("assert False, 'stripped'", "<opt>", "exec", optimize=1)
exec(c6)
print("assert stripped under optimize=1")
c7 = compile("def f():\n    '''doc'''\n    return 1\n", "<opt2>", "exec", optimize=2)
g7 = {}
exec(c7, g7)
print(g7["f"].__doc__, g7["f"]())
try:
    compile("x", "<bad>", "nonsense")
except ValueError as e:
    print("ValueError:", e)
try:
    compile("for", "<bad>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.filename, e.lineno, e.offset)
c8 = compile("await x", "<top-await>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(bool(c8.co_flags & 0x80))
print(compile(b"'bytes source'", "<b>", "eval").co_consts)
