# str.format and format_map: positional, named, attribute/index fields, conversions, nesting.
print("{} {} {}".format(1, "two", 3.0))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Bo", age=5), "{0[0]}{0[1]}".format("xy"))
print("{p.real}+{p.imag}j".format(p=3 + 4j), "{d[key]}".format(d={"key": "v"}))
print("{!r} {!s} {!a}".format("é", "é", "é"))
print("{:{w}.{p}f}".format(3.14159, w=10, p=2), "{:{}}".format("x", 4) + "|")
print("{{}} {}".format("braces"), "{0:>{1}}".format("r", 3))
class Pt:
    x = 1
print("{0.x} {0.__class__.__name__}".format(Pt()))
print("{a}-{b}".format_map({"a": 1, "b": 2}))
class Miss(dict):
    def __missing__(self, k): return "<%s>" % k
print("{x} {y}".format_map(Miss(x="X")))
for bad in ("{", "}", "{0} {}", "{:d}".format and "{0!x}", "{a"):
    try:
        bad.format(1)
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__, e)
import string
print(string.Template("$who likes ${what}").substitute(who="tim", what="kung pao"))
print(list(string.Formatter().parse("a{0:>3}b{x!r}")))
