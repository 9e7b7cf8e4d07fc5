# ast.parse, ast.dump, ast.unparse, NodeTransformer and compiling a modified tree.
import ast
tree = ast.parse("x = 1 + 2 * y\nprint(x)")
print(ast.dump(tree.body[0]))
class Swap(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            node.op = ast.Sub()
        return node
new = ast.fix_missing_locations(Swap().visit(tree))
print(ast.unparse(new))
exec(compile(new, "<transformed>", "exec"), {"y": 5})
print(ast.literal_eval("{'a': [1, 2.5, (True, None)], 'b': -3}"))
try:
    ast.literal_eval("__import__('os')")
except ValueError as e:
    print("ValueError:", str(e)[:40])
print([type(n).__name__ for n in ast.walk(ast.parse("f(a, *b)"))])
