# assert with and without message; the message is evaluated lazily.
def check(x):
    assert x > 0
    assert x < 10, "too big: %d" % x
    return x
print(check(5))
for v in (0, 12):
    try:
        check(v)
    except AssertionError as e:
        print("AssertionError", repr(e), e.args)
def msg():
    print("message evaluated")
    return "msg"
assert True, msg()
try:
    assert [], msg()
except AssertionError as e:
    print("caught", e)
try:
    assert 0, ("tuple", 1)
except AssertionError as e:
    print(e.args)
print(__debug__)
