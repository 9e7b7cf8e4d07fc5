"""Write crates/compiler/tests/fixtures/opcode.txt: python3's `opcode`/`_opcode`/`dis`
data, one fact per line, compared by crates/compiler/src/opcode.rs tests.

Run: python3 tests/scripts/gen_opcode_fixture.py > crates/compiler/tests/fixtures/opcode.txt
"""
import dis
import opcode
import _opcode

ARGS = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 255, 256, 257, 258, 511, 512, 1000]


def main():
    out = []
    out.append("HAVE_ARGUMENT %d" % opcode.HAVE_ARGUMENT)
    out.append("EXTENDED_ARG %d" % opcode.EXTENDED_ARG)
    for i, name in enumerate(opcode.opname):
        out.append("opname %d %s" % (i, name))
    for name, num in sorted(opcode.opmap.items(), key=lambda kv: kv[1]):
        out.append("opmap %s %d" % (name, num))
    for lst in ("hasconst", "hasname", "hasjrel", "hasjabs", "haslocal",
                "hascompare", "hasfree", "hasnargs"):
        out.append("%s %s" % (lst, " ".join(map(str, getattr(opcode, lst)))))
    out.append("_inline_cache_entries %s" % " ".join(map(str, opcode._inline_cache_entries)))
    for i, (name, sym) in enumerate(opcode._nb_ops):
        out.append("_nb_ops %d %s %s" % (i, name, sym))
    out.append("cmp_op %s" % " ".join(opcode.cmp_op))
    for base, fam in opcode._specializations.items():
        out.append("_specializations %s %s" % (base, " ".join(fam)))
    out.append("_specialized_instructions %s" % " ".join(opcode._specialized_instructions))
    for name, num in sorted(dis._all_opmap.items(), key=lambda kv: kv[1]):
        out.append("_all_opmap %s %d" % (name, num))
    for name, num in sorted(dis._all_opmap.items(), key=lambda kv: kv[1]):
        out.append("deopt %d %d" % (num, dis._deoptop(num)))
    for op in range(256):
        for arg in ([None] if op < opcode.HAVE_ARGUMENT else ARGS):
            for jump in (None, True, False):
                try:
                    if arg is None:
                        v = _opcode.stack_effect(op, jump=jump)
                    else:
                        v = _opcode.stack_effect(op, arg, jump=jump)
                    v = str(v)
                except ValueError:
                    v = "E"
                out.append("stack_effect %d %s %s %s" % (op, "-" if arg is None else arg, {None: "N", True: "T", False: "F"}[jump], v))
    print("\n".join(out))


main()
