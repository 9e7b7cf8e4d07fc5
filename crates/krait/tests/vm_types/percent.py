# str % args.
def show(f):
    try:
        r = f()
    except Exception as e:
        r = e
    print(repr(r))
show(lambda: "%s|%r|%a" % ("é", "é", "é"))
show(lambda: "%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
show(lambda: "%x|%X|%#x|%o|%#o|%c|%c" % (255, 255, 255, 8, 8, 65, "z"))
show(lambda: "%.3f|%10.2e|%g|%G|%%|%F" % (3.14159, 12345.678, 1e-5, 1e20, 1.5))
show(lambda: "%(a)s-%(b)05.1f" % {"a": 1, "b": 2.25})
show(lambda: "%*d|%-*.*f" % (5, 1, 8, 2, 3.14159))
show(lambda: "%d" % "x")
show(lambda: "%s %s" % (1,))
show(lambda: "%s" % (1, 2))
show(lambda: "%z" % 1)
show(lambda: "%c" % 1114112)
show(lambda: "%d" % 3.9)
show(lambda: "%x" % 3.9)
show(lambda: "%s" % [1])
show(lambda: "%.2s" % "abc")
show(lambda: "%i|%u" % (True, -3))
show(lambda: "%(x)s" % 5)
show(lambda: "abc" % ())
show(lambda: "abc" % 5)
