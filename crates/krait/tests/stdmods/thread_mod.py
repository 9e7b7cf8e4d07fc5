import _thread
l = _thread.allocate_lock()
print(type(l).__name__, type(l).__module__, l.acquire(), l.locked(), l.acquire(False), l.acquire(blocking=False))
l.release()
try:
    l.release()
except RuntimeError as e:
    print(e)
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print(e)
with l:
    print(l.locked())
print(l.locked(), _thread.TIMEOUT_MAX, _thread.error, type(_thread.get_ident()).__name__, _thread.get_ident() == _thread.get_ident(), _thread._count(), _thread.stack_size())
try:
    l.acquire(False, 1)
except ValueError as e:
    print(e)
print(_thread.LockType is type(_thread.allocate_lock()), _thread.LockType.__name__, isinstance(_thread.allocate(), _thread.LockType))
with r:
    with r:
        print(r._is_owned())
print(r._is_owned())
