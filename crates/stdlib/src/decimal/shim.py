# The body of Krait's `_decimal` module (see mod.rs): CPython's pure-Python
# _pydecimal.py, run in a private namespace, with the differences a program
# can see between it and CPython's C `_decimal` patched over. The classes get
# their C identity ('decimal.Decimal' in messages, immutable) from the private
# `_static_type` helper (see ../standin.rs), last, once they are patched. Only
# the C module's public names are left in this module.


def _build():
    import sys

    def pure_source():
        """The path and text of the standard library's _pydecimal.py."""
        import os
        for d in sys.path:
            path = os.path.join(d or '.', '_pydecimal.py')
            if os.path.isfile(path):
                with open(path, encoding='utf-8') as f:
                    return path, f.read()
        raise ImportError("No module named '_decimal'", name='_decimal')

    path, source = pure_source()
    # Operands of an unsupported type: C names the type, not the value.
    source = source.replace(
        'raise TypeError("Unable to convert %s to Decimal" % b)',
        'raise TypeError("conversion from %s to Decimal is not supported"'
        ' % type(b).__name__)')
    source = source.replace('"argument must be int or float."',
                            '"argument must be int or float"')
    ns = {'__name__': '_pydecimal', '__file__': path,
          '__builtins__': __builtins__}
    code = compile(source, path, 'exec')
    _hide_frames(code)  # it stands for C code: no traceback entries
    exec(code, ns)

    Decimal = ns['Decimal']
    Context = ns['Context']
    InvalidOperation = ns['InvalidOperation']
    condition_map = ns['_condition_map']
    rounding_modes = ns['_rounding_modes']
    # The order in which a `Context`'s repr lists signals: libmpdec's flag
    # bits. InvalidOperation covers several bits: it is listed at the lowest
    # one set, which for a flag raised by an operation depends on the
    # condition (kept in the context's `_invalid_rank`), and is 1 for one
    # set from Python.
    repr_rank = {ns[n]: i for n, i in (
        ('Clamped', 0), ('InvalidOperation', 1), ('DivisionByZero', 2),
        ('Inexact', 6), ('FloatOperation', 10), ('Overflow', 11),
        ('Rounded', 12), ('Subnormal', 13), ('Underflow', 14))}
    invalid_rank = {ns[n]: i for n, i in (
        ('ConversionSyntax', 1), ('DivisionImpossible', 3),
        ('DivisionUndefined', 4), ('InvalidContext', 7),
        ('InvalidOperation', 8))}
    signals = set(repr_rank)
    # The signals C raises together with a trapped signal, in the order of
    # its list (C's `signal_map`): an operation that overflows is also
    # inexact and rounded, and so on.
    implied = {
        ns['Overflow']: (ns['Inexact'], ns['Rounded']),
        ns['Underflow']: (ns['Subnormal'], ns['Inexact'], ns['Rounded']),
        ns['Inexact']: (ns['Rounded'],),
    }

    def _raise_error(self, condition, explanation=None, *args):
        # As _pydecimal's, but a trapped signal is raised the way C raises
        # it: with the list of the trapped conditions as its argument.
        error = condition_map.get(condition, condition)
        if error in self._ignored_flags:
            return error().handle(self, *args)
        if error is InvalidOperation:
            rank = self.__dict__.get('_invalid_rank', 1) if self.flags[
                error] else invalid_rank[InvalidOperation]
            object.__setattr__(self, '_invalid_rank',
                               min(rank, invalid_rank.get(condition, rank)))
        self.flags[error] = 1
        if not self.traps[error]:
            return condition().handle(self, *args)
        raised = [condition]
        raised += [s for s in implied.get(error, ()) if self.traps[s]]
        raise error(raised)

    def __repr__(self):
        def names(d, invalid):
            def rank(s):
                return invalid if s is InvalidOperation else repr_rank[s]
            return ', '.join(s.__name__ for s in sorted(
                (s for s in repr_rank if d.get(s)), key=rank))
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, '
                'capitals=%d, clamp=%d, flags=[%s], traps=[%s])'
                % (self.prec, self.rounding, self.Emin, self.Emax,
                   self.capitals, self.clamp,
                   names(self.flags, self.__dict__.get('_invalid_rank', 1)),
                   names(self.traps, 1)))

    pure_copy = Context.copy

    def copy(self):
        new = pure_copy(self)
        if '_invalid_rank' in self.__dict__:
            object.__setattr__(new, '_invalid_rank',
                               self.__dict__['_invalid_rank'])
        return new

    # C's bounds and messages for the integer fields of a Context.
    ranges = {
        'prec': (1, ns['MAX_PREC'], 'valid range for prec is [1, MAX_PREC]'),
        'Emin': (ns['MIN_EMIN'], 0, 'valid range for Emin is [MIN_EMIN, 0]'),
        'Emax': (0, ns['MAX_EMAX'], 'valid range for Emax is [0, MAX_EMAX]'),
        'capitals': (0, 1, 'valid values for capitals are 0 or 1'),
        'clamp': (0, 1, 'valid values for clamp are 0 or 1'),
    }

    def _set_integer_check(self, name, value, vmin, vmax):
        if not isinstance(value, int):
            raise TypeError('an integer is required')
        if not -2**63 <= value < 2**63:
            raise OverflowError(
                'Python int too large to convert to C ssize_t')
        lo, hi, message = ranges[name]
        if not lo <= value <= hi:
            raise ValueError(message)
        return object.__setattr__(self, name, value)

    bad_signal = ('valid values for signals are:\n'
                  '  [InvalidOperation, FloatOperation, DivisionByZero,\n'
                  '   Overflow, Underflow, Subnormal, Inexact, Rounded,\n'
                  '   Clamped]')
    pure_context_init = Context.__init__

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None,
                 _ignored_flags=None):
        # C takes a list of signals or a signal dict for flags and traps.
        for given in (flags, traps):
            if isinstance(given, list):
                if not all(s in signals for s in given):
                    raise KeyError(bad_signal)
            elif given is not None and not isinstance(given, dict):
                raise TypeError('argument must be a signal dict')
        pure_context_init(self, prec, rounding, Emin, Emax, capitals, clamp,
                          flags, traps, _ignored_flags)

    bad_rounding = ('valid values for rounding are:\n'
                    '  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n'
                    '   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n'
                    '   ROUND_05UP]')
    context_setattr = Context.__setattr__

    def __setattr__(self, name, value):
        if name == 'rounding' and value not in rounding_modes:
            raise TypeError(bad_rounding)
        return context_setattr(self, name, value)

    def _set_signal_dict(self, name, d):
        if not isinstance(d, dict):
            raise TypeError('argument must be a signal dict')
        if set(d) != signals:
            raise KeyError('invalid signal dict')
        return object.__setattr__(self, name, d)

    for name, f in (('_raise_error', _raise_error), ('__repr__', __repr__),
                    ('__str__', __repr__), ('copy', copy),
                    ('__copy__', copy),
                    ('_set_integer_check', _set_integer_check),
                    ('__setattr__', __setattr__), ('__init__', __init__),
                    ('_set_signal_dict', _set_signal_dict)):
        f.__qualname__ = 'Context.' + name
        f.__name__ = name
        setattr(Context, name, f)

    pure_quantize = Decimal.quantize

    def quantize(self, exp, rounding=None, context=None):
        if rounding is not None and rounding not in rounding_modes:
            raise TypeError(bad_rounding)
        return pure_quantize(self, exp, rounding, context)

    def check_convertible(self, overflow=OverflowError):
        # C's messages for the special values that have no int or float.
        if self._is_special:
            if self.is_nan():
                raise ValueError('cannot convert NaN to integer')
            raise overflow('cannot convert Infinity to integer')

    pure_int = Decimal.__int__

    def __int__(self):
        check_convertible(self)
        return pure_int(self)

    pure_round = Decimal.__round__
    absent = object()

    def __round__(self, n=absent):
        if n is absent:
            check_convertible(self)
            return pure_round(self)
        if not isinstance(n, int):
            raise TypeError('optional arg must be an integer')
        return pure_round(self, n)

    pure_floor = Decimal.__floor__

    def __floor__(self):
        check_convertible(self)
        return pure_floor(self)

    pure_ceil = Decimal.__ceil__

    def __ceil__(self):
        check_convertible(self)
        return pure_ceil(self)

    pure_float = Decimal.__float__

    def __float__(self):
        if self.is_snan():
            raise ValueError('cannot convert signaling NaN to float')
        return pure_float(self)

    pure_hash = Decimal.__hash__

    def __hash__(self):
        if self.is_snan():
            raise TypeError('Cannot hash a signaling NaN value')
        return pure_hash(self)

    for name, f in (('quantize', quantize), ('__int__', __int__),
                    ('__trunc__', __int__), ('__round__', __round__),
                    ('__floor__', __floor__), ('__ceil__', __ceil__),
                    ('__float__', __float__), ('__hash__', __hash__)):
        pure = getattr(Decimal, name)
        f.__doc__ = pure.__doc__
        f.__qualname__ = 'Decimal.' + name
        f.__name__ = name
        setattr(Decimal, name, f)

    def _convert_other(other, raiseit=False, allow_float=False):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if allow_float and isinstance(other, float):
            return Decimal.from_float(other)
        if raiseit:
            raise TypeError('conversion from %s to Decimal is not supported'
                            % type(other).__name__)
        return NotImplemented

    ns['_convert_other'] = _convert_other

    pure_setcontext = ns['setcontext']

    def setcontext(context):
        """Set a new default context."""
        if not isinstance(context, Context):
            raise TypeError('argument must be a context')
        return pure_setcontext(context)

    ns['setcontext'] = setcontext

    pure_parse_format = ns['_parse_format_specifier']

    def _parse_format_specifier(format_spec, _localeconv=None):
        try:
            return pure_parse_format(format_spec, _localeconv)
        except ValueError:
            raise ValueError('invalid format string') from None

    ns['_parse_format_specifier'] = _parse_format_specifier

    def check_tuple(value):
        # C's checks and messages for a Decimal made from a tuple or list.
        if len(value) != 3:
            raise ValueError('argument must be a sequence of length 3')
        sign, digits, exp = value
        if not (isinstance(sign, int) and sign in (0, 1)):
            raise ValueError('sign must be an integer with the value 0 or 1')
        if isinstance(exp, str):
            if exp not in ('F', 'n', 'N'):
                raise ValueError("string argument in the third position "
                                 "must be 'F', 'n' or 'N'")
        elif not isinstance(exp, int):
            raise ValueError('exponent must be an integer')
        if not isinstance(digits, (tuple, list)) or not all(
                isinstance(d, int) and 0 <= d <= 9 for d in digits):
            raise ValueError('coefficient must be a tuple of digits')

    pure_new = Decimal.__new__
    # What _pydecimal's constructor takes besides tuples (`_WorkRep`: its
    # internal form).
    convertible = (str, int, float, Decimal, ns['_WorkRep'])

    def __new__(cls, value='0', context=None):
        if isinstance(value, (list, tuple)):
            check_tuple(value)
        elif not isinstance(value, convertible):
            raise TypeError('conversion from %s to Decimal is not supported'
                            % type(value).__name__)
        return pure_new(cls, value, context)

    __new__.__doc__ = pure_new.__doc__
    __new__.__qualname__ = 'Decimal.__new__'
    Decimal.__new__ = staticmethod(__new__)

    manager = ns['_ContextManager']
    manager.__name__ = manager.__qualname__ = 'ContextManager'
    _static_type(manager, 'decimal.ContextManager')
    _static_type(Decimal, 'decimal.Decimal')
    _static_type(Context, 'decimal.Context')

    g = globals()
    for name in (
            'BasicContext', 'Clamped', 'Context', 'ConversionSyntax',
            'Decimal', 'DecimalException', 'DecimalTuple', 'DefaultContext',
            'DivisionByZero', 'DivisionImpossible', 'DivisionUndefined',
            'ExtendedContext', 'FloatOperation', 'HAVE_CONTEXTVAR',
            'HAVE_THREADS', 'Inexact', 'InvalidContext', 'InvalidOperation',
            'MAX_EMAX', 'MAX_PREC', 'MIN_EMIN', 'MIN_ETINY', 'Overflow',
            'ROUND_05UP', 'ROUND_CEILING', 'ROUND_DOWN', 'ROUND_FLOOR',
            'ROUND_HALF_DOWN', 'ROUND_HALF_EVEN', 'ROUND_HALF_UP', 'ROUND_UP',
            'Rounded', 'Subnormal', 'Underflow', 'getcontext',
            'localcontext', 'setcontext', '__version__'):
        g[name] = ns[name]
    g['__libmpdec_version__'] = '2.5.1'


_build()
del _build
