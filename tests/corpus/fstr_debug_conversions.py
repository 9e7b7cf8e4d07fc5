# f-string '=' specifier with conversions and format specs, and whitespace preservation.
value = 3.14159
name = "krait"
items = [1, 2]
print(f"{value=}", f"{value = }", f"{value=:.2f}", f"{name=!s}", f"{name=!r:>10}", f"{items=}")
print(f"{len(items) * 2 = }", f"{name.upper()=}", f"{ value  =  }")
print(f"{'a' 'b'}", f"{'quote' + chr(34)}", f'{"double" + "inside"}')
x = 10
print(f"{x=:#x}", f"{x!a}", f"{'é'!a}", f"{x=!r:^7}")
