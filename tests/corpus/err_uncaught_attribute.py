# Uncaught AttributeError on None, with the 3.11 carets.
def find(users, name):
    for u in users:
        if u["name"] == name:
            return u
users = [{"name": "ann", "age": 3}]
print(find(users, "ann")["age"])
result = find(users, "bob")
print(result.get("age"))
