# namedtuple subclasses with methods, _make/_replace, pickling-free equality, sorting records.
from collections import namedtuple
class Emp(namedtuple("Emp", "name dept salary")):
    __slots__ = ()
    @property
    def monthly(self): return round(self.salary / 12, 2)
    def __str__(self): return "%s (%s)" % (self.name, self.dept)
staff = [Emp("ann", "eng", 120000), Emp("bob", "ops", 90000), Emp._make(["cy", "eng", 100000])]
print([str(e) for e in staff], staff[0].monthly, staff[1]._replace(salary=95000))
by_dept = {}
for e in sorted(staff, key=lambda e: (e.dept, -e.salary)):
    by_dept.setdefault(e.dept, []).append(e.name)
print(by_dept, max(staff, key=lambda e: e.salary).name, sum(e.salary for e in staff))
print(Emp._fields, staff[0] == ("ann", "eng", 120000), staff[0][0], tuple(staff[2]))
try:
    staff[0].name = "x"
except AttributeError as e:
    print("AttributeError:", e)
