# Uncaught user exception with a custom __str__ and notes.
class Oops(Exception):
    def __str__(self):
        return "custom message with %d args" % len(self.args)
e = Oops(1, 2)
e.add_note("note one")
e.add_note("note two")
print("raising")
raise e
