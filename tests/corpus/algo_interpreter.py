# A tiny stack-machine interpreter and a recursive-descent expression evaluator.
import re
def tokenize(s):
    return re.findall(r"\d+\.?\d*|[-+*/()^]", s)
class Parser:
    def __init__(self, s):
        self.toks = tokenize(s)
        self.i = 0
    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else None
    def take(self):
        t = self.peek()
        self.i += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek() in ("+", "-"):
            v = v + self.term() if self.take() == "+" else v - self.term()
        return v
    def term(self):
        v = self.power()
        while self.peek() in ("*", "/"):
            v = v * self.power() if self.take() == "*" else v / self.power()
        return v
    def power(self):
        b = self.atom()
        if self.peek() == "^":
            self.take()
            return b ** self.power()
        return b
    def atom(self):
        t = self.take()
        if t == "(":
            v = self.expr()
            if self.take() != ")":
                raise SyntaxError("expected )")
            return v
        if t == "-":
            return -self.atom()
        if t is None:
            raise SyntaxError("unexpected end")
        return float(t) if "." in t else int(t)
for s in ("1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-4 + 10 / 4", "2 * (3 + (4 - 1)) ^ 2", "((7))", "1 +"):
    try:
        print(s, "=", Parser(s).expr())
    except SyntaxError as e:
        print(s, "-> SyntaxError:", e)
def run(program):
    stack, pc, out = [], 0, []
    while pc < len(program):
        op, *arg = program[pc].split()
        pc += 1
        if op == "push": stack.append(int(arg[0]))
        elif op == "add": stack.append(stack.pop() + stack.pop())
        elif op == "mul": stack.append(stack.pop() * stack.pop())
        elif op == "dup": stack.append(stack[-1])
        elif op == "dec": stack[-1] -= 1
        elif op == "jnz":
            if stack[-1] != 0: pc = int(arg[0])
        elif op == "print": out.append(stack[-1])
        elif op == "swap": stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op == "pop": stack.pop()
    return out
print(run(["push 5", "print", "dec", "jnz 1", "push 7", "push 6", "mul", "print"]))
