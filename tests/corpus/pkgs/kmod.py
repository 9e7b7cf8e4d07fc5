"""A plain top-level module with __all__, a private name and a __getattr__."""
__all__ = ["public", "Thing"]
public = "public value"
_private = "private value"
also_public_but_not_in_all = True
class Thing:
    def __repr__(self):
        return "Thing()"
def __getattr__(name):
    if name == "lazy":
        return "computed lazily"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
def __dir__():
    return ["public", "Thing", "lazy"]
