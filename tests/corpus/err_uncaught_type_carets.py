# Uncaught TypeError in a binary operation spanning a subscript and a call: 3.11 carets.
data = {"count": "3"}
def scale(v):
    return v * 2
print(scale(data["count"]))
total = data["count"] + scale(4)
