f(c d, 1)
