# Uncaught AttributeError with a suggestion from the type's attributes.
class Config:
    def __init__(self):
        self.verbose = True
        self.timeout = 5
c = Config()
print(c.verbose, c.timeout)
print(c.timout)
