# _csv differential fuzz against CPython: random text through every dialect, reader and writer.
import csv, io, random
r = random.Random(11)
alpha = 'ab,"\n\r \\;\t\'x1.5'
dialects = [dict(), dict(skipinitialspace=True), dict(escapechar='\\'), dict(doublequote=False, escapechar='\\'),
            dict(delimiter=';'), dict(quoting=csv.QUOTE_NONE, escapechar='\\'), dict(strict=True), dict(quotechar="'"),
            dict(quoting=csv.QUOTE_NONNUMERIC), dict(quoting=csv.QUOTE_ALL), dict(lineterminator='\n'), dict(quoting=csv.QUOTE_NONE)]
for i in range(150):
    d = dialects[i % len(dialects)]
    text = ''.join(r.choice(alpha) for _ in range(r.randrange(0, 25)))
    for src in (io.StringIO(text, newline=''), text.splitlines(True)):
        try: print(i, repr(list(csv.reader(src, **d))))
        except Exception as e: print(i, type(e).__name__, e)
    row = [''.join(r.choice(alpha) for _ in range(r.randrange(0, 6))) for _ in range(r.randrange(0, 4))]
    if i % 7 == 0: row.append(r.choice([None, 3, 2.5, True]))
    s = io.StringIO()
    try:
        csv.writer(s, **d).writerow(row); print(i, repr(s.getvalue()))
        print(i, list(csv.reader(io.StringIO(s.getvalue(), newline=''), **d)))
    except Exception as e: print(i, type(e).__name__, e)
