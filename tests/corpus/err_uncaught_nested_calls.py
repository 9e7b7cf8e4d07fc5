# A traceback through methods, a property, a lambda and a comprehension.
class Inventory:
    def __init__(self, items):
        self.items = items
    @property
    def total(self):
        return sum(map(lambda it: it["price"] * it["qty"], self.items))
    def report(self):
        return {it["name"]: self.total for it in self.items}
inv = Inventory([{"name": "a", "price": 2, "qty": 3}])
print(inv.report())
inv.items.append({"name": "b", "price": 1})
print(inv.report())
