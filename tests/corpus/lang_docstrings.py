"""Module docstring: preserved in __doc__ (no -OO)."""
# Docstrings of modules, classes, functions, methods; strings that are not docstrings.
def documented():
    """Function docstring."""
    return 1
def not_documented():
    x = 1
    """Just an expression statement, not a docstring."""
    return x
class K:
    """Class docstring."""
    def m(self):
        "Method docstring with single quotes."
    async def am(self):
        """Async method docstring."""
    @property
    def p(self):
        """Property docstring."""
        return 1
def fstring_not_doc():
    f"""f-string is never a docstring"""
lam = lambda: None
print(__doc__)
print(documented.__doc__, not_documented.__doc__, K.__doc__, K.m.__doc__, K.am.__doc__, K.p.__doc__)
print(fstring_not_doc.__doc__, lam.__doc__, documented.__code__.co_consts[0])
