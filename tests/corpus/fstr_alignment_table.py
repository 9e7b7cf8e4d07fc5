# Formatting a table with computed widths, alignment, thousands separators and percentages.
rows = [("Widget", 1234, 0.1234), ("Gadget extra", 56, 0.5), ("Thing", 1234567, 0.015), ("X", 0, 1.0)]
w = max(len(r[0]) for r in rows)
header = f"{'Name':<{w}} | {'Count':>10} | {'Share':>7}"
print(header)
print("-" * len(header))
for name, count, share in rows:
    print(f"{name:<{w}} | {count:>10,} | {share:>7.1%}")
total = sum(r[1] for r in rows)
print(f"{'Total':<{w}} | {total:>10,} | {sum(r[2] for r in rows):>7.1%}")
print(f"{total:_x} {total:#b} {total:e} {-total:+,}")
