# Classes of Python-implemented stand-ins for C modules (_decimal, _datetime)
# carry CPython's static-type identity: dotted names in messages, immutable
# classes; and _decimal behaves like C _decimal on common operations.
import datetime, decimal, fractions, math, pickle, copy
from decimal import Decimal as D, Context as C, localcontext


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e, e.args)


# Names: tp_name in messages, __name__/__qualname__/__module__ unchanged.
for cls in (D, C, datetime.date, datetime.datetime, datetime.time,
            datetime.timedelta, datetime.timezone, datetime.tzinfo):
    print(repr(cls), cls.__name__, cls.__qualname__, cls.__module__)
print(type(localcontext()).__name__, type(localcontext()).__module__)
print(type(datetime.date(2020, 1, 1).isocalendar()))
for f in [lambda: D("1.1") + 1.0, lambda: 1.0 + D(1), lambda: D(1) + "a",
          lambda: fractions.Fraction(1, 2) + D(1), lambda: D(1) < "a",
          lambda: len(D(1)), lambda: D(1).foo, lambda: D.foo,
          lambda: datetime.date(2020, 1, 1) + 1, lambda: datetime.time() < 1,
          lambda: datetime.timedelta(1) * "x", lambda: datetime.date.x,
          lambda: datetime.datetime.now().x, lambda: len(C())]:
    show(f)

# Immutability (like static types) — but subclasses are ordinary classes.
for cls in (D, C, datetime.date, datetime.timedelta, datetime.tzinfo):
    for f in [lambda: setattr(cls, 'x', 1), lambda: delattr(cls, '__str__'),
              lambda: setattr(cls, '__name__', 'y')]:
        show(f)
show(lambda: setattr(D(1), 'x', 1))


class MyDec(D):
    pass


class MyDate(datetime.date):
    pass


MyDec.x = 1
MyDate.y = 2
print(MyDec.x, MyDate.y, repr(MyDec("1.5")), MyDate(2020, 1, 2), MyDec.__module__)
show(lambda: MyDec(1) + 1.0)
show(lambda: MyDate(2020, 1, 1) + 1)
# The exception classes stay ordinary (heap) classes, as in C.
decimal.InvalidOperation.extra = 1
print(decimal.InvalidOperation.extra, decimal.ConversionSyntax.__mro__)
print(decimal.DivisionUndefined.__mro__, decimal.FloatOperation.__mro__)

# Exported names.
import _decimal
print(sorted(n for n in dir(_decimal) if not n.startswith('__')))
print(_decimal.__version__, _decimal.__libmpdec_version__, decimal.__doc__)
print(decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN, decimal.MIN_ETINY)
print(decimal.DecimalTuple, D("-1.50").as_tuple())

# Arithmetic, comparisons, hashing, rounding.
print(D("1.1") + 1, D("0.1") * 3, sum([D("0.1")] * 10), D(1) / D(7))
print(D(-7) % D(2), D(-7) // D(2), divmod(D(-7), D(2)), D(2) ** -1, -D("0"))
print(D(1) < 1.5, D(1) == 1.0, D(1) < fractions.Fraction(3, 2), D("0.5") == fractions.Fraction(1, 2))
print(sorted([D(3), 1, 2.5, fractions.Fraction(1, 3)]))
print(hash(D("1.5")), hash(D(2)) == hash(2), hash(D("0.5")) == hash(0.5))
print(round(D("2.5")), round(D("2.567"), 2), int(D("-3.9")), float(D("1.5")))
print(D(2).sqrt(), D(2).ln(), D(10) ** D("0.5"), D(2).exp(), D(10).log10())
print(D("1.5").as_integer_ratio(), D.from_float(0.1), D(1.1), D(" 1.5 "), D("1_000"))
print(format(D("1234.5"), ",.2f"), format(D("1.5"), "e"), format(D("1.5"), "%"))
print(str(D("1e-10")), repr(D("-0")), str(D("1E+3")), D(1).to_eng_string(), D("1e7").to_eng_string())
print(pickle.loads(pickle.dumps(D("1.25"))), copy.deepcopy(D("2.5")))
print(D("1.23456").quantize(D("0.01")), D("2.5").quantize(D("1"), rounding=decimal.ROUND_HALF_UP))

# Errors: C's signal-list arguments and messages.
for f in [lambda: D("abc"), lambda: D("1") / 0, lambda: D(0) / 0,
          lambda: D(1) // 0, lambda: D(1) % 0, lambda: D("nan") < 1,
          lambda: D("snan") + 1, lambda: D(-2).sqrt(), lambda: D(0) ** 0,
          lambda: D(0).logb(), lambda: pow(D(2), D("1.5"), D(7)),
          lambda: D("1e30").quantize(D("0.01")),
          lambda: D("1.5").quantize(D("1"), rounding="bad"),
          lambda: D("1.5").quantize(1.0), lambda: D("1.5").max(2.0),
          lambda: D([1]), lambda: D((0, (1, 2), 'x')), lambda: D((2, (1,), 0)),
          lambda: D((0, (1, 12), 0)), lambda: D((0, (1,), 1.5)),
          lambda: D(1 + 2j), lambda: D.from_float("a"),
          lambda: int(D("nan")), lambda: int(D("inf")), lambda: round(D("nan")),
          lambda: round(D("-inf")), lambda: float(D("snan")), lambda: hash(D("snan")),
          lambda: D("1.5").__round__(None), lambda: format(D("1.5"), "x"),
          lambda: format(D("1.5"), ".2q")]:
    show(f)

# Contexts.
print(C())
print(decimal.getcontext().prec, decimal.BasicContext, decimal.ExtendedContext)
for f in [lambda: C(prec=0), lambda: C(prec="a"), lambda: C(rounding="x"),
          lambda: C(Emin=1), lambda: C(Emax=-1), lambda: C(clamp=2),
          lambda: C(capitals=5), lambda: C(traps={decimal.Inexact: True}),
          lambda: C(traps=[decimal.Inexact]).divide(D(1), D(3)),
          lambda: C(traps=[decimal.Inexact, decimal.Rounded]).divide(D(1), D(3)),
          lambda: C(prec=3, traps=[decimal.Inexact]).create_decimal("1.23456"),
          lambda: C(prec=2, traps=[decimal.Overflow, decimal.Inexact, decimal.Rounded]).multiply(D('9e999999'), 10),
          lambda: C().create_decimal("abc"), lambda: C(traps=[]).create_decimal("abc"),
          lambda: C().add(1, 1.5), lambda: C().add("1", 2), lambda: C().power(2, 3),
          lambda: C(prec=3).create_decimal("1.23456")]:
    show(f)
ctx = C(prec=5, traps=[])
print(ctx.divide(D(1), D(0)), ctx.sqrt(D(-1)), ctx)
with localcontext() as lc:
    lc.prec = 3
    print(D(1) / D(7), lc.prec)
print(D(1) / D(7))
with localcontext(prec=4, rounding=decimal.ROUND_DOWN):
    print(D(2) / D(3))
try:
    with localcontext() as lc:
        lc.traps[decimal.Inexact] = True
        D(1) / D(3)
except decimal.Inexact as e:
    print("Inexact", e.args, isinstance(e, decimal.DecimalException))
# Where a context's repr lists InvalidOperation depends on the condition.
ctx = C(traps=[])
ctx.divide(D(0), D(0)); ctx.divide(D(1), D(0))
print(ctx, ctx.copy())
ctx.create_decimal("x")
print(ctx)
ctx.clear_flags()
ctx.divide(D(1), D(0)); ctx.create_decimal("x")
print(ctx)
ctx.clear_flags()
ctx.flags[decimal.InvalidOperation] = True
ctx.flags[decimal.DivisionByZero] = True
print(ctx, C(flags=[decimal.Underflow, decimal.Clamped, decimal.InvalidOperation]))
for f in [lambda: math.floor(D("nan")), lambda: math.ceil(D("inf")),
          lambda: decimal.setcontext(1), lambda: localcontext(prec=-1),
          lambda: localcontext(foo=1), lambda: (math.floor(D("1.5")), math.ceil(D("-1.5")))]:
    show(f)
print(type(decimal.getcontext()), pickle.loads(pickle.dumps(C(prec=5))))
print(f"{D('1.5'):.1f}", f"{D('1234567.891'):,}", f"{D('-0.5'):+.3e}", C().divmod(7, 2))

# The stand-ins' Python frames stand for C code: no traceback entries (but
# _strptime's, a Python module in CPython too, stay).
import os, traceback


class BadIndex:
    def __index__(self):
        raise RuntimeError("boom")


def g():
    return D(1).sqrt(C(traps=[decimal.Inexact])) + D(2).sqrt(C(traps=[decimal.Inexact]))


for f in [lambda: datetime.date(2020, 1, BadIndex()), lambda: datetime.datetime.strptime('x', '%Y'),
          lambda: datetime.date(2020, 13, 1), lambda: D("abc"), lambda: C(prec=0),
          lambda: datetime.timedelta(days=10**10), g, lambda: D(1) / 0]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e, [(os.path.basename(t.filename), t.name)
                                    for t in traceback.extract_tb(e.__traceback__)])

# C's overflow and ordinal messages in _datetime.
for f in [lambda: datetime.datetime.max + datetime.timedelta(1),
          lambda: datetime.date.min - datetime.timedelta(1),
          lambda: datetime.timedelta(days=2**31 - 1), lambda: datetime.timedelta(days=2**31),
          lambda: datetime.timedelta(days=-10**9), lambda: datetime.timedelta(seconds=10**14),
          lambda: datetime.timedelta.max + datetime.timedelta(1)]:
    show(f)
for n in [0, -5, 10**7, 'x', 1.5, 738000]:
    for cls in (datetime.date, datetime.datetime):
        show(lambda: cls.fromordinal(n))

# Context construction and assignment checks.
for kw in [dict(flags=1), dict(traps='x'), dict(flags=(decimal.Inexact,)), dict(traps=[1]),
           dict(flags={}), dict(traps=None), dict(flags=[decimal.ConversionSyntax]), dict(Emin='a'),
           dict(capitals=2), dict(prec=10**20), dict(rounding=1), dict(prec=decimal.MAX_PREC),
           dict(prec=decimal.MAX_PREC + 1), dict(Emax=decimal.MAX_EMAX + 1),
           dict(Emin=decimal.MIN_EMIN - 1), dict(Emin=-5, Emax=5, traps={s: 0 for s in C().traps})]:
    show(lambda: C(**kw))
ctx = C()
for name, v in [('prec', 0), ('prec', 'x'), ('Emax', -1), ('clamp', 1), ('rounding', 'x'),
                ('traps', []), ('flags', {}), ('foo', 1)]:
    show(lambda: (setattr(ctx, name, v), ctx)[1])

# Final types, __class__ assignment, subclass reprs (C prints tp_name).
class Y(datetime.date): pass
class T(datetime.timedelta): pass
class DT(datetime.datetime): pass
class TT(datetime.time): pass
print(repr(Y(2020, 1, 1)), repr(T(1)), repr(DT(2020, 1, 1)), repr(TT(1)), repr(T(0)),
      repr(datetime.timezone(datetime.timedelta(hours=1))), repr(datetime.timezone.utc))
print(repr(datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)),
      repr(datetime.time(1, tzinfo=datetime.timezone(datetime.timedelta(0), 'x'))),
      repr(datetime.timedelta(1, 2, 3)))
for f in [lambda: setattr(D(1), '__class__', MyDec), lambda: setattr(MyDec(1), '__class__', D),
          lambda: setattr(MyDate(2020, 1, 1), '__class__', datetime.date),
          lambda: type('X', (datetime.timezone,), {}),
          lambda: type('Z', (type(datetime.date(2020, 1, 1).isocalendar()),), {}),
          lambda: type(type('W', (datetime.tzinfo,), {})()), lambda: type('V', (C,), {})(prec=3)]:
    show(f)
