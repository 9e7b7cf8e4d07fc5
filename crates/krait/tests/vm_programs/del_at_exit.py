# At exit, after atexit functions, __main__'s globals are released in
# definition order, so the __del__ of objects still alive runs; a weak
# reference released in the same clear doesn't call back.
import atexit
import weakref


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)


first = Noisy("first")
_private = Noisy("_private")
second = Noisy("second")
target = Noisy("weakly referenced")
wr = weakref.ref(target, lambda r: print("callback at exit"))
atexit.register(print, "atexit runs first")
print("end of main")
