class BaseExceptionGroup(BaseException):
    def __new__(cls, message, exceptions, /):
        if not isinstance(message, str):
            raise TypeError("BaseExceptionGroup.__new__() argument 1 must be str, not " + type(message).__name__)
        if not hasattr(type(exceptions), "__getitem__") or isinstance(exceptions, (set, frozenset, dict)):
            raise TypeError("second argument (exceptions) must be a sequence")
        given = exceptions
        exceptions = tuple(exceptions)
        if not exceptions:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        nested_base = False
        for i, e in enumerate(exceptions):
            if not isinstance(e, BaseException):
                raise ValueError("Item %d of second argument (exceptions) is not an exception" % i)
            if not isinstance(e, Exception):
                nested_base = True
        if cls is BaseExceptionGroup:
            if not nested_base:
                cls = ExceptionGroup
        elif nested_base and issubclass(cls, Exception):
            if cls is ExceptionGroup:
                raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
            raise TypeError("Cannot nest BaseExceptions in '%s'" % cls.__name__)
        self = BaseException.__new__(cls, message, given)
        self._message = message
        self._exceptions = exceptions
        return self

    def __init__(self, *args):
        BaseException.__init__(self, *args)

    @property
    def message(self):
        return self._message

    @property
    def exceptions(self):
        return self._exceptions

    def __str__(self):
        n = len(self._exceptions)
        return "%s (%d sub-exception%s)" % (self._message, n, "" if n == 1 else "s")

    def derive(self, excs):
        return BaseExceptionGroup(self._message, excs)

    def _derive_with_metadata(self, excs):
        eg = self.derive(excs)
        eg.__cause__ = self.__cause__
        eg.__context__ = self.__context__
        eg.__traceback__ = self.__traceback__
        if hasattr(self, "__notes__"):
            eg.__notes__ = list(self.__notes__)
        return eg

    def split(self, condition):
        matcher = _matcher(condition)
        if matcher(self):
            return self, None
        match, rest = [], []
        for e in self._exceptions:
            if isinstance(e, BaseExceptionGroup):
                m, r = e.split(matcher)
                if m is not None:
                    match.append(m)
                if r is not None:
                    rest.append(r)
            elif matcher(e):
                match.append(e)
            else:
                rest.append(e)
        m = self._derive_with_metadata(match) if match else None
        r = self._derive_with_metadata(rest) if rest else None
        return m, r

    def subgroup(self, condition):
        return self.split(condition)[0]


class ExceptionGroup(BaseExceptionGroup, Exception):
    pass


def _matcher(condition):
    if isinstance(condition, type) and issubclass(condition, BaseException):
        return lambda e: isinstance(e, condition)
    if isinstance(condition, tuple) and all(
        isinstance(c, type) and issubclass(c, BaseException) for c in condition
    ):
        return lambda e: isinstance(e, condition)
    if callable(condition) and not isinstance(condition, type):
        return condition
    raise TypeError("expected a function, exception type or tuple of exception types")


def _leaf_ids(exc, out):
    if isinstance(exc, BaseExceptionGroup):
        for e in exc.exceptions:
            _leaf_ids(e, out)
    else:
        out.add(id(exc))


def _eg_match(exc, match_type):
    for t in match_type if isinstance(match_type, tuple) else (match_type,):
        if not (isinstance(t, type) and issubclass(t, BaseException)):
            raise TypeError(
                "catching classes that do not inherit from BaseException is not allowed"
            )
        if issubclass(t, BaseExceptionGroup):
            raise TypeError(
                "catching ExceptionGroup with except* is not allowed. Use except instead."
            )
    if exc is None:
        return None, None
    if isinstance(exc, match_type):
        if isinstance(exc, BaseExceptionGroup):
            return exc, None
        wrapped = BaseExceptionGroup("", (exc,))
        wrapped.__traceback__ = exc.__traceback__
        return wrapped, None
    if isinstance(exc, BaseExceptionGroup):
        return exc.split(match_type)
    return None, exc


def _prep_reraise_star(orig, excs):
    excs = [e for e in excs if e is not None]
    if not excs:
        return None
    if not isinstance(orig, BaseExceptionGroup):
        return excs[0]
    orig_ids = set()
    _leaf_ids(orig, orig_ids)
    raised, keep = [], set()
    for e in excs:
        ids = set()
        _leaf_ids(e, ids)
        if ids and ids <= orig_ids:
            keep |= ids
        else:
            raised.append(e)
    reraised = None
    if keep:
        reraised = orig.split(
            lambda e: not isinstance(e, BaseExceptionGroup) and id(e) in keep
        )[0]
    if not raised:
        return reraised
    if reraised is not None:
        raised.append(reraised)
    if len(raised) == 1:
        return raised[0]
    return BaseExceptionGroup("", raised)
