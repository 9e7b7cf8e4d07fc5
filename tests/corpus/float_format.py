# Float formatting with %, format(), and f-strings across magnitudes.
vals = [0.0, 1.0, -1.5, 3.14159265358979, 1234567.891, 1e-7, 1.23456789e15, 1e100, 0.1, 2.5, 3.5]
for v in vals:
    print("%f|%.2f|%e|%.3E|%g|%G|%10.3f|%-10.1f|%+.0f" % (v, v, v, v, v, v, v, v, v))
    print(f"{v:.3g}|{v:,.2f}|{v:08.2f}|{v:.1%}|{v!r}|{v:n}|{v:.0e}|{v:=+12.4f}")
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, -0.5))
print(format(1e16, ""), format(1e16, "g"), format(123.0, ".10g"), format(1.0, "#g"), format(12.0, ".0f"))
print(str(1e22), str(1.0e-6), str(123456789012345.6), str(0.000123))
