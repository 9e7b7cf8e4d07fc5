# try/except inside loops with break/continue/else, and loops inside handlers.
results = []
for v in ["1", "x", "3", None, "5"]:
    try:
        n = int(v)
    except ValueError:
        results.append("bad")
        continue
    except TypeError:
        results.append("none -> stop")
        break
    else:
        results.append(n * 2)
    finally:
        results.append("f")
else:
    results.append("no break")
print(results)
def retry(attempts):
    for i in range(attempts):
        try:
            if i < 2:
                raise ConnectionError("attempt %d" % i)
            return "succeeded on attempt %d" % i
        except ConnectionError as e:
            print("retrying after", e)
    return "gave up"
print(retry(5), retry(2))
try:
    raise ValueError("outer")
except ValueError:
    total = 0
    for k in range(3):
        try:
            total += 10 // (1 - k)
        except ZeroDivisionError:
            total += 100
    print(total)
