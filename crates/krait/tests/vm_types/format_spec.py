# format() with int/float/str/bool specs.
def show(f):
    try:
        r = f()
    except Exception as e:
        r = e
    print(repr(r))
for v, specs in [(1234567, ["", ",", "_x", "#o", "+08d", "^10", "=+10", "c", "e", ".2f", "%", "n", "x<#12_b", "s", ".3"]),
                 (-0.0, ["", "f", "+.1e", "g"]), (1234.5678, ["", ".2f", ",.3f", "e", ".3g", "%", "10.1%", "_g", "#.0f", "020,.2f", "z.1f", "d", "<10", ".0e"]),
                 (float("inf"), ["", "f", "010f"]), (1e16, ["", "g", ".17g", "n"]), ("abc", ["", ">5", "^7.2", "d", "=5", "05"]), (True, ["", "d", ">5", "s"])]:
    for s in specs:
        show(lambda: format(v, s))
show(lambda: f"{12:{'>'}{6}}")
show(lambda: format(1 << 100, ","))
