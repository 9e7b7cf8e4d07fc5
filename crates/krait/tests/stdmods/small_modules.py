import time, errno, gc
t = time.time(); n = time.time_ns(); p = time.perf_counter(); m = time.monotonic(); c = time.process_time()
print(type(t).__name__, t > 1.7e9, type(n).__name__, n > 1.7e18, type(p).__name__, type(m).__name__, c >= 0)
time.sleep(0.01)
print(time.perf_counter() - p >= 0.01, time.monotonic() >= m)
g = time.gmtime(0)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_wday, g.tm_yday, g[0], len(g), tuple(g)[:3], isinstance(g, tuple))
g2 = time.gmtime(951782400.5)
print(g2, time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %y %%', g2))
print(time.asctime(time.gmtime(1700000000)), time.ctime(1700000000), time.mktime(time.gmtime(1700000000)))
print(time.strftime('%H:%M', (2020, 5, 17, 13, 7, 0, 6, 138, 0)))
for bad in [lambda: time.sleep(-1), lambda: time.sleep('a'), lambda: time.strftime(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(errno.ENOENT, errno.EAGAIN, errno.EWOULDBLOCK, errno.EEXIST, errno.errorcode[2], errno.errorcode[11], len(errno.errorcode))
print(gc.isenabled()); gc.disable(); print(gc.isenabled()); gc.enable(); print(gc.isenabled())
class Node:
    pass
a = Node(); b = Node(); a.other = b; b.other = a
del a, b
print(gc.collect() >= 2, gc.collect(), gc.get_threshold(), gc.is_tracked([]), gc.is_tracked(1), gc.garbage)
gc.set_threshold(500); print(gc.get_threshold()); gc.set_threshold(700, 10, 10)
print(type(gc.get_count()).__name__, len(gc.get_count()))
