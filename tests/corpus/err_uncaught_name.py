# Uncaught NameError with a "Did you mean" suggestion.
counter = 0
def bump():
    global counter
    counter += 1
bump()
print(counter)
print(countr)
