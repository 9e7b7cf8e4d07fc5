# Generator expressions are generators: send(None), close(), gi_frame, throw.
g = (x * 2 for x in range(5))
print(next(g), g.send(None), list(g))
g2 = (x for x in range(5))
next(g2)
g2.close()
print(list(g2), g2.gi_frame)
g3 = (x for x in range(3))
try:
    g3.throw(ValueError("into genexp"))
except ValueError as e:
    print("ValueError:", e)
print(list(g3))
