# datetime arithmetic with fixed dates (no clock): dates, deltas, formatting, parsing.
import datetime as dt
d = dt.date(2024, 2, 28)
print(d + dt.timedelta(days=1), d + dt.timedelta(days=2), d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal())
t = dt.datetime(2023, 12, 31, 23, 59, 30)
print(t + dt.timedelta(seconds=45), (t - dt.datetime(2023, 1, 1)).days, t.strftime("%a %b %d %H:%M:%S %Y"), t.isoformat())
print(dt.datetime.strptime("2021-07-04 12:30", "%Y-%m-%d %H:%M"), dt.date.fromisoformat("2000-01-01").replace(year=2001))
tz = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")
aware = dt.datetime(2020, 1, 1, 12, tzinfo=dt.timezone.utc)
print(aware, aware.astimezone(tz), aware.astimezone(tz).tzname(), aware.timestamp())
delta = dt.timedelta(days=-1, seconds=5)
print(delta, repr(delta), delta.total_seconds(), abs(delta), dt.timedelta(weeks=1) // dt.timedelta(days=2), dt.timedelta(hours=1) * 1.5)
print(dt.date(2024, 1, 1) < dt.date(2024, 1, 2), max(dt.date(2020, 5, 1), dt.date(2019, 12, 31)), dt.date.min, dt.date.max)
try:
    dt.date(2023, 2, 29)
except ValueError as e:
    print("ValueError:", e)
import calendar
print(calendar.isleap(2024), calendar.monthrange(2024, 2), calendar.month_name[3], calendar.weekday(2024, 1, 1))
