# The body of Krait's `_datetime` module (see mod.rs): CPython's pure-Python
# datetime.py, run in a private namespace, with the differences a program can
# see between it and CPython's C `_datetime` patched over: the messages of the
# range checks, the name in `IsoCalendarDate`'s repr, and the classes'
# identity as C types ('datetime.date' in messages, immutable), given by the
# private `_static_type` helper (see ../standin.rs). Only the C module's
# public names are left in this module.


def _build():
    import sys

    def pure_source():
        """The path and text of the standard library's datetime.py."""
        path = getattr(sys.modules.get('datetime'), '__file__', None)
        if not path:
            import os
            for d in sys.path:
                candidate = os.path.join(d or '.', 'datetime.py')
                if os.path.isfile(candidate):
                    path = candidate
                    break
        if not path:
            raise ImportError("No module named '_datetime'", name='_datetime')
        with open(path, encoding='utf-8') as f:
            return path, f.read()

    path, source = pure_source()
    # C's overflow messages (the source's own lines, replaced as text).
    source = source.replace(
        'raise OverflowError("result out of range")',
        'raise OverflowError("date value out of range")')
    source = source.replace(
        'raise OverflowError("timedelta # of days is too large: %d" % d)',
        'raise OverflowError("days=%d; must have magnitude <= 999999999" % d'
        ' if -2**31 <= d < 2**31 else'
        ' "Python int too large to convert to C int")')
    ns = {'__name__': 'datetime', '__file__': path,
          '__builtins__': __builtins__}
    missing = object()
    saved = sys.modules.get('_datetime', missing)
    sys.modules['_datetime'] = None  # its `from _datetime import *` fails
    try:
        code = compile(source, path, 'exec')
        _hide_frames(code)  # it stands for C code: no traceback entries
        exec(code, ns)
    finally:
        if saved is missing:
            del sys.modules['_datetime']
        else:
            sys.modules['_datetime'] = saved

    index = ns['_index']
    days_in_month = ns['_days_in_month']

    def _check_date_fields(year, month, day):
        year = index(year)
        month = index(month)
        day = index(day)
        if not 1 <= year <= 9999:
            raise ValueError('year %i is out of range' % year)
        if not 1 <= month <= 12:
            raise ValueError('month must be in 1..12')
        if not 1 <= day <= days_in_month(year, month):
            raise ValueError('day is out of range for month')
        return year, month, day

    def _check_time_fields(hour, minute, second, microsecond, fold):
        hour = index(hour)
        minute = index(minute)
        second = index(second)
        microsecond = index(microsecond)
        if not 0 <= hour <= 23:
            raise ValueError('hour must be in 0..23')
        if not 0 <= minute <= 59:
            raise ValueError('minute must be in 0..59')
        if not 0 <= second <= 59:
            raise ValueError('second must be in 0..59')
        if not 0 <= microsecond <= 999999:
            raise ValueError('microsecond must be in 0..999999')
        if fold not in (0, 1):
            raise ValueError('fold must be either 0 or 1')
        return hour, minute, second, microsecond, fold

    def __repr__(self):
        return ('datetime.IsoCalendarDate(year=%r, week=%r, weekday=%r)'
                % (self[0], self[1], self[2]))

    pure_fromordinal = ns['date'].__dict__['fromordinal'].__func__

    def fromordinal(cls, n):
        """int -> date corresponding to a proleptic Gregorian ordinal."""
        if index(n) < 1:
            raise ValueError('ordinal must be >= 1')
        return pure_fromordinal(cls, n)

    fromordinal.__qualname__ = 'date.fromordinal'
    ns['date'].fromordinal = classmethod(fromordinal)
    ns['_check_date_fields'] = _check_date_fields
    ns['_check_time_fields'] = _check_time_fields
    ns['_IsoCalendarDate'].__repr__ = __repr__
    g = globals()
    for name in ('MINYEAR', 'MAXYEAR', 'date', 'datetime', 'time',
                 'timedelta', 'timezone', 'tzinfo', 'UTC'):
        g[name] = ns[name]
    sealed = {ns[name]: 'datetime.' + name
              for name in ('date', 'datetime', 'time', 'timedelta',
                           'timezone', 'tzinfo')}

    def c_repr(pure):
        # C's reprs start with the type's tp_name: 'datetime.date' for the
        # class itself, the bare `__name__` for a subclass.
        def __repr__(self):
            text = pure(self)
            cls = type(self)
            prefix = '%s.%s(' % (cls.__module__, cls.__qualname__)
            if text.startswith(prefix):
                text = (sealed.get(cls, cls.__name__) + '('
                        + text[len(prefix):])
            return text
        __repr__.__qualname__ = pure.__qualname__
        __repr__.__doc__ = pure.__doc__
        return __repr__

    for name in ('date', 'datetime', 'time', 'timedelta'):
        ns[name].__repr__ = c_repr(ns[name].__dict__['__repr__'])
    for cls, dotted in sealed.items():
        _static_type(cls, dotted, cls is not ns['timezone'])
    _static_type(ns['_IsoCalendarDate'], 'datetime.IsoCalendarDate', False)


_build()
del _build
