# An uncaught ExceptionGroup: the boxed group traceback.
def task(n):
    if n % 2:
        raise ValueError("odd %d" % n)
    raise TypeError("even %d" % n)
errors = []
for i in range(3):
    try:
        task(i)
    except Exception as e:
        errors.append(e)
print(len(errors), "errors")
raise ExceptionGroup("tasks failed", errors)
