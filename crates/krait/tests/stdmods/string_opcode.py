import _string as s
import _opcode
for f in ['a{{b', 'x}}y', 'a{0}b{1!r:>{w}}c', '{}', '{a[x:y].b!s}', 'end{', '{0!}', '{!r', 'no fields', '', '{:{}}', '{0!rx}', 'a}b', '{a{b}', '{0', '{[}', 'é{x}ü']:
    try:
        print(repr(f), list(s.formatter_parser(f)))
    except ValueError as e:
        print(repr(f), 'ValueError', e)
for n in ['a.b[0][x]', '0.real', '', 'x[', 'a..b', '[0]', 'a[0]x', 'a[]', '12']:
    try:
        a, b = s.formatter_field_name_split(n)
        print(repr(n), repr(a), list(b))
    except ValueError as e:
        print(repr(n), 'ValueError', e)
for a in [(100, 0), (1,), (90, 1), (110, 5), (255, 0), (100,), (1, 5), (-1, 0)]:
    try:
        print(a, _opcode.stack_effect(*a))
    except ValueError as e:
        print(a, 'ValueError', e)
print(_opcode.stack_effect(110, 5, jump=True), _opcode.stack_effect(110, 5, jump=False))
