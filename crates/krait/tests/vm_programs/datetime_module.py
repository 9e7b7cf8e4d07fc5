# datetime over Krait's _datetime (the pure module with the C messages): range errors, pickling, isocalendar repr.
import datetime as d, pickle, copy, sys
import _datetime
print(_datetime.__doc__, d.__doc__)
for f in [lambda: d.date(0,1,1), lambda: d.date(2020,13,1), lambda: d.date(2023,2,29), lambda: d.time(24), lambda: d.time(1,60), lambda: d.time(1,1,60), lambda: d.time(1,1,1,10**6), lambda: d.time(fold=2), lambda: d.datetime(10000,1,1), lambda: d.date('a',1,1), lambda: d.datetime(2020, 2, 30, 1)]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
x = d.datetime(2024, 5, 6, 7, 8, 9, 10, tzinfo=d.timezone.utc)
print(pickle.loads(pickle.dumps(x)) == x, copy.deepcopy(x), repr(x), x.isocalendar(), type(x.isocalendar()), d.UTC is d.timezone.utc)
print(d.date.today() > d.date(2000, 1, 1), d.datetime.strptime('2020-03-04', '%Y-%m-%d'), d.date(2020,1,1).strftime('%A %j'))
print(d.date.__module__, d.datetime.__qualname__, d.timedelta(hours=1).__reduce__())
print(repr(d.date(2020, 1, 1).isocalendar()), d.date(2020, 1, 1).isocalendar().week)
