"""A small package for the corpus import tests (tests/corpus/pkgs is on PYTHONPATH)."""
print("kpkg imported")
VERSION = (1, 2)
from .core import greet
__all__ = ["greet", "VERSION"]
