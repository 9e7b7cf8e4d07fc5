def f1():
    try:
        a()
    except:
        b()

def f2():
    try:
        a()
    except ValueError:
        b()
    except (TypeError, KeyError) as e:
        c(e)
    else:
        d()

def f3():
    try:
        a()
    finally:
        b()

def f4():
    try:
        a()
    except ValueError as e:
        b(e)
    finally:
        c()

def f5(x):
    for i in x:
        try:
            if i:
                break
            continue
        finally:
            cleanup()

def f6(x):
    try:
        return x()
    finally:
        done()

def f7(x):
    try:
        return 1
    except E as e:
        return e
    finally:
        return 2

def f8(x):
    while x:
        try:
            x()
        except E as e:
            if e:
                break
            continue
        except:
            return None
        else:
            pass

def f9():
    try:
        try:
            a()
        except A:
            b()
        finally:
            c()
    except B as e:
        try:
            d()
        finally:
            del e
    finally:
        f()

def f10(x):
    for i in x:
        try:
            pass
        finally:
            try:
                return i
            except:
                raise
            finally:
                continue

try:
    import foo
except ImportError:
    foo = None

try:
    x = 1
except* ValueError:
    pass
