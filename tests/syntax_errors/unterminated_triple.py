x = """abc

y
