# The opcode module: opname/opmap, HAVE_ARGUMENT, cache entries, stack effects.
import opcode, dis
print(opcode.opname[opcode.opmap["LOAD_CONST"]], opcode.opmap["RETURN_VALUE"], opcode.opmap["BINARY_OP"])
print(opcode.HAVE_ARGUMENT, opcode.EXTENDED_ARG, len(opcode.opname), opcode.opname[0], opcode.opname[1])
print(sorted(opcode.hasjrel)[:5], sorted(opcode.hasconst), sorted(opcode.haslocal)[:4], opcode.hasfree[:3])
print([(name, opcode._inline_cache_entries[op]) for name, op in sorted(opcode.opmap.items()) if opcode._inline_cache_entries[op]][:12])
print(dis.stack_effect(opcode.opmap["LOAD_CONST"], 0), dis.stack_effect(opcode.opmap["BUILD_LIST"], 3), dis.stack_effect(opcode.opmap["POP_TOP"]))
print([op for op in ("NOP", "PUSH_NULL", "PRECALL", "CALL", "RESUME", "CACHE", "KW_NAMES", "COPY", "SWAP") if op in opcode.opmap])
print(opcode.cmp_op, [n for n, _ in opcode._nb_ops[:6]])
