# Imports inside functions and classes are local names; repeated imports reuse sys.modules.
import sys
def use_json():
    import json
    return json.dumps([1]), "json" in dir()
print(use_json(), "json" in globals())
class K:
    import math as m
    val = m.sqrt(16)
print(K.val, K.m.__name__)
def from_import():
    from collections import OrderedDict as OD
    return OD(a=1)
print(from_import())
def star_not_allowed():
    try:
        exec("def f():\n    from math import *\n")
    except SyntaxError as e:
        return e.msg
print(star_not_allowed())
before = len(sys.modules)
for _ in range(3):
    import json
print(len(sys.modules) == before)
