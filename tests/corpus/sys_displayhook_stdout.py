# Replacing sys.stdout temporarily, sys.displayhook, and restoring.
import sys, io
real = sys.stdout
cap = io.StringIO()
sys.stdout = cap
print("captured line")
sys.stdout = real
print("restored; captured:", repr(cap.getvalue()))
shown = []
sys.displayhook = shown.append
for expr in ("1 + 1", "'x' * 2", "None"):
    exec(compile(expr, "<interactive>", "single"))
print(shown)
sys.displayhook = sys.__displayhook__
exec(compile("40 + 2", "<interactive>", "single"))
import builtins
print(builtins._ if hasattr(builtins, "_") else "no _")
import contextlib
with contextlib.redirect_stdout(io.StringIO()) as f:
    print("redirected")
print(f.getvalue().strip())
with contextlib.redirect_stderr(io.StringIO()) as e:
    print("to err", file=sys.stderr)
print(repr(e.getvalue()))
