# Uncaught ImportError for a name missing from a module (kpkg lives in tests/corpus/pkgs).
from kpkg.core import greet
print(greet("import"))
from kpkg.core import greeet
