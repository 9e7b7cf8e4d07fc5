# SyntaxErrors found after parsing (symbol table and code generator), via compile(): msg, line, offset.
cases = [
    "return 1",
    "yield 1",
    "await x",
    "break",
    "continue",
    "def f():\n    nonlocal x\n",
    "nonlocal x",
    "def f(a, a):\n    pass\n",
    "def f(a):\n    global a\n",
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "*a = [1]",
    "a, *b, *c = range(5)",
    "[x for x in range(3) if (yield)]",
    "def f():\n    [await x for x in y]\n",
    "class C:\n    [y := 1 for _ in range(2)]\n",
    "def f():\n    def g():\n        nonlocal y\n",
    "for x in range(3):\n    pass\nelse:\n    break\n",
    "async def f():\n    yield from x\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
    "from __future__ import braces",
    "from __future__ import nonsense",
    "x = 1\nfrom __future__ import annotations\n",
    "def f(*, **k): pass",
    "f(**k, *a)",
    "f(a=1, a=2)",
    "try:\n    pass\nexcept* ValueError:\n    break\n",
    "try:\n    pass\nexcept* ValueError:\n    return\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        continue\n",
    "match x:\n    case a:\n        pass\n    case b:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case {'k': 1, 'k': 2}:\n        pass\n",
    "match x:\n    case a | [b]:\n        pass\n",
    "match x:\n    case C(a=1, a=2):\n        pass\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("compiled OK:", repr(src))
    except SyntaxError as e:
        print(repr(src[:30]), "->", type(e).__name__, e.msg, e.lineno, e.offset)
