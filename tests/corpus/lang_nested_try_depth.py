# Deeply nested try/except/finally blocks: the exception table must route each raise correctly.
def nest(level, trail):
    try:
        try:
            try:
                try:
                    try:
                        if level == 5:
                            raise KeyError(level)
                        if level == 4:
                            raise ValueError(level)
                        trail.append("no raise")
                    finally:
                        trail.append("f5")
                except KeyError:
                    trail.append("caught key at 4")
                    raise IndexError("converted")
                finally:
                    trail.append("f4")
            except ValueError:
                trail.append("caught value at 3")
            finally:
                trail.append("f3")
        except IndexError as e:
            trail.append("caught index at 2: %s" % e)
        finally:
            trail.append("f2")
    finally:
        trail.append("f1")
    return trail
for lv in (3, 4, 5):
    print(lv, nest(lv, []))
def loop_with_try():
    out = []
    for i in range(6):
        try:
            try:
                if i % 3 == 0:
                    continue
                if i == 4:
                    break
                out.append(i)
            finally:
                out.append("inner%d" % i)
        finally:
            out.append("outer%d" % i)
    return out
print(loop_with_try())
