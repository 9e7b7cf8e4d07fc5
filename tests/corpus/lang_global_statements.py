# Statement forms: multiple statements per line, if/elif chains, nested functions, pass/return.
x = 1; y = 2; z = x + y
print(z)
def grade(s):
    if s >= 90: return "A"
    elif s >= 80: return "B"
    elif s >= 70: return "C"
    else: return "F"
print([grade(s) for s in (95, 85, 75, 10)])
for i in range(3): print(i, end=" ")
print()
while False: pass
class Point: x = 0; y = 0
print(Point.x, Point.y)
if x:
    if y:
        if z:
            print("deep nesting")
def returns_nothing():
    return
print(returns_nothing())
def implicit(): x = 1
print(implicit())
def multiple_returns(n):
    return n, n * 2, [n]
print(multiple_returns(3))
