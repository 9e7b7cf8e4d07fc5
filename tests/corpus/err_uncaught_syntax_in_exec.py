# A SyntaxError from compile() raised uncaught: the caret display of SyntaxError.
src = "x = (1 +\n"
try:
    compile(src, "<snippet>", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.filename)
compile("def f(:\n    pass\n", "<generated>", "exec")
