# Uncaught UnicodeDecodeError with its detailed message.
data = "naïve".encode("utf-8")
print(data, len(data))
print(data.decode("utf-8"))
data.decode("ascii")
