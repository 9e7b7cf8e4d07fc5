# textwrap, string constants and Template, pprint of nested structures.
import textwrap, string, pprint
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.fill(text, 30))
print(textwrap.shorten(text, 40), textwrap.indent("a\nb", "> "), textwrap.dedent("    x\n      y"), sep="\n")
print(string.digits, string.hexdigits, string.punctuation, string.ascii_uppercase[:5])
t = string.Template("$name owes $$${amount}")
print(t.substitute(name="Ann", amount=5), t.safe_substitute(name="Bo"))
try:
    t.substitute(name="x")
except KeyError as e:
    print("KeyError:", e)
nested = {"list": list(range(12)), "dict": {"k%d" % i: i for i in range(4)}, "tuple": (1, (2, (3, (4,))))}
pprint.pprint(nested, width=40)
print(pprint.pformat(["x" * 30] * 3, width=50))
