# Sorting strings: code point order, key functions, stability, locale-free.
words = ["banana", "Apple", "cherry", "apple", "Banana", "éclair", "apple pie", "10", "9", "1"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w), reverse=True))
print(sorted(words, key=lambda w: int(w) if w.isdigit() else float("inf")))
print(max(words), min(words, key=len), sorted(set("mississippi")))
pairs = sorted(zip(["b", "a", "b", "a"], range(4)), key=lambda p: p[0])
print(pairs)
