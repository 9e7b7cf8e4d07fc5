"""kpkg.sub: a subpackage."""
SUB = "sub package"
