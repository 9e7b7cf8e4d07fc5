# _csv against CPython: dialect validation, reader states, writer quoting, registry.
import csv, io
for f in [lambda: csv.reader(), lambda: csv.reader(1), lambda: csv.reader([], 'excel', 3), lambda: csv.writer(1), lambda: list(csv.reader(['a\x00b'])), lambda: csv.Dialect(), lambda: csv.get_dialect('x'), lambda: csv.field_size_limit('a'), lambda: csv.field_size_limit(1,2), lambda: csv.register_dialect(1), lambda: csv.reader([], delimiter=None), lambda: csv.reader([], delimiter='ab'), lambda: csv.reader([], delimiter=1), lambda: csv.reader([], quotechar=1), lambda: csv.reader([], quoting=7), lambda: csv.reader([], quoting='a'), lambda: csv.reader([], lineterminator=1), lambda: csv.reader([], lineterminator=None), lambda: type(csv.reader([], quotechar=None)), lambda: csv.reader([], quotechar=None, quoting=0), lambda: csv.reader([], foo=1), lambda: list(csv.reader([1])), lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b']), lambda: csv.writer(io.StringIO()).writerow(1), lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['']), lambda: csv.reader([], strict=1).dialect.strict, lambda: type(csv.reader([]).dialect), lambda: csv.unregister_dialect('zz'), lambda: csv.reader([], escapechar='ab')]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
s=io.StringIO(); w=csv.writer(s, lineterminator='\n'); w.writerow(['a\rb', 'c\nd', ' x', '', None, 1.5, True]); w.writerow(['']); w.writerow([]); print(repr(s.getvalue()))
print(csv.list_dialects(), csv.field_size_limit(), csv.__version__, csv.QUOTE_NONNUMERIC, csv.Error.__mro__, type(csv.reader([])), csv.Dialect.__mro__)
r = csv.reader(['a,b\n', 'c']); print(r.line_num, next(r), r.line_num, r.dialect.delimiter)
cases = ['a,b,c', '"a,b",c', '"a""b",c', '"abc"def,g', 'a, b, c', '"unterminated', 'x\r\n', '', ' ', '"a\nb",c', '1,"2",x', 'a\\,b,c', '"a\\"b",c', 'a;b;c', '"a"  ,b']
dialects = [dict(), dict(skipinitialspace=True), dict(escapechar='\\'), dict(doublequote=False, escapechar='\\'), dict(delimiter=';'), dict(quoting=csv.QUOTE_NONE), dict(strict=True), dict(quotechar="'")]
for d in dialects:
    for c in cases:
        try: print(d, repr(c), list(csv.reader(io.StringIO(c), **d)))
        except Exception as e: print(d, repr(c), type(e).__name__, e)
    if 'quoting' not in d:
        try: print(list(csv.reader(['1,"2",x', '3.5,4'], quoting=csv.QUOTE_NONNUMERIC, **d)))
        except Exception as e: print(type(e).__name__, e)
rows = [['a', 'b,c', 'd"e', '', None, 3, 4.5], ['line\nbreak', "q'q", ' lead', 'tab\t'], [''], []]
for d in dialects + [dict(quoting=csv.QUOTE_ALL), dict(quoting=csv.QUOTE_NONNUMERIC), dict(quoting=csv.QUOTE_NONE, escapechar='\\'), dict(lineterminator='\n')]:
    s = io.StringIO()
    try:
        w = csv.writer(s, **d)
        for r in rows: print(repr(w.writerow(r)))
        w.writerows(rows)
    except Exception as e: print(d, type(e).__name__, e)
    print(d, repr(s.getvalue()))
    try: print(list(csv.reader(io.StringIO(s.getvalue(), newline=''), **d)))
    except Exception as e: print(d, type(e).__name__, e)
print(list(csv.DictReader(io.StringIO("a,b\n1,2\n3,4\n"))))
s = io.StringIO(); dw = csv.DictWriter(s, ['x', 'y']); dw.writeheader(); dw.writerow({'x': 1, 'y': 'q,r'}); print(repr(s.getvalue()))
csv.register_dialect('mine', delimiter='|', quoting=csv.QUOTE_ALL)
print(csv.list_dialects(), csv.get_dialect('mine').delimiter, csv.get_dialect('mine').quoting)
csv.unregister_dialect('mine'); print(csv.list_dialects())
d = csv.get_dialect('excel'); print(d.delimiter, repr(d.lineterminator), d.quotechar, d.escapechar, d.doublequote, d.skipinitialspace, d.strict, d.quoting)
print(csv.field_size_limit(10), csv.field_size_limit())
try: list(csv.reader(['a'*11]))
except csv.Error as e: print(e)
csv.field_size_limit(131072)
class D(csv.Dialect):
    delimiter = '\t'; quotechar = '"'; lineterminator = '\n'; quoting = csv.QUOTE_MINIMAL; doublequote = True
print(list(csv.reader(['a\tb'], D)))
try:
    class Bad(csv.Dialect):
        delimiter = 'ab'
    Bad()
except csv.Error as e: print('Error', e)
print(csv.Sniffer().sniff('a;b;c\n1;2;3\n').delimiter)
try:
    d.delimiter = 'x'
except AttributeError as e: print('AttributeError')
print(list(csv.reader(['a\tb'], dialect=csv.excel_tab)), list(csv.reader(['a;b'], dialect='excel', delimiter=';')))
try: csv.reader([], 'excel', dialect='unix')
except TypeError as e: print('TypeError', e)
s = io.StringIO(); w = csv.writer(s, dialect='unix'); w.writerow(['a', 1]); print(repr(s.getvalue()))
d = csv.get_dialect('unix'); print(csv.reader([], d).dialect is d, csv.writer(s, d).dialect is d)
s = io.StringIO(); dw = csv.DictWriter(s, ['a', 'b'], extrasaction='ignore', restval='?'); dw.writerows([{'a': 1, 'c': 3}, {'b': 2}]); print(repr(s.getvalue()))
print(list(csv.DictReader(io.StringIO('x;y\n1;2\n3\n'), delimiter=';', restval='R')))
sn = csv.Sniffer(); print(sn.has_header('name,age\nann,3\nbob,4\n'), sn.sniff('a|b|c\n1|2|3\n').delimiter)
r = csv.reader(io.StringIO('a,"b\nc",d\ne\n')); print(list(r), r.line_num)
try: list(csv.reader(['"abc'], strict=True))
except csv.Error as e: print('Error', e)
try: list(csv.reader(['"a"b'], strict=True))
except csv.Error as e: print('Error', e)
try: list(csv.reader(['a\rb']))
except csv.Error as e: print('Error', e)
print(list(csv.reader(['a\\\nb\n', 'c'], escapechar='\\')))
