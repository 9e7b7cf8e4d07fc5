#!/usr/bin/env python3
"""Generates crates/stdlib/src/unicodedata/ucd.bin, the Unicode 14.0.0 database
of Krait's `unicodedata` module, from python3 3.11's own `unicodedata` (so the
data is exactly CPython 3.11.7's).

Usage: python3 tests/scripts/gen_unicodedata.py [NameAliases.txt [Name.pl]]

NameAliases.txt (any Unicode version) only proposes alias names, and Perl's
unicore/Name.pl named sequences (its entries with several code points); an
alias or sequence is kept when python3's `unicodedata.lookup` resolves it to
the same text, so the output depends on python3's data alone.

Layout (little-endian), read by crates/stdlib/src/unicodedata/data.rs: the
magic b"KUCD", then sections, each a u32 byte length followed by its bytes:
  0 records: 16 bytes each: category, bidirectional, combining, flags
    (bit 0: mirrored), east_asian_width, decimal (i8, -1 none), digit (i8),
    0, numeric (f64, NaN none)
  1 index1: u16 per block of 128 code points -> block number
  2 index2: u16 per code point of each distinct block -> record
  3 value names: category, bidirectional and east_asian_width names, three
    comma-separated lists separated by b"\\n"
  4 decompositions: u32 count, count x (u32 code point, u32 offset, u32 len)
    into section 5, sorted by code point
  5 decomposition text (ASCII, as unicodedata.decomposition gives it)
  6 composition exclusions: u32 code points whose two-code-point canonical
    decomposition does not compose back
  7 lexicon: the words of the names, separated by b"\\n"
  8 names: u32 count, count x u32 code point (sorted), count x u8 word count,
    then u16 word tokens (bit 15: the separator after this word is '-',
    else ' ')
  9 computed names: u32 count, count x (u32 start, u32 end, u8 prefix len,
    prefix): names PREFIX-XXXX (hex code point) for start..=end
  10 aliases: u32 count, count x (u32 code point, u8 len, name)
  11 named sequences: u32 count, count x (u8 len, name, u8 n, n x u32)
  12 Unicode 3.2.0 (`ucd_3_2_0`): u32 count, count x (u32 start, u32 end):
    code points unassigned in 3.2.0; then u32 count, count x (u32 code point,
    a 16-byte record as in section 0, u16 len, decomposition): code points
    assigned in 3.2.0 whose properties differ
"""

import re
import struct
import sys
import unicodedata as u

assert u.unidata_version == "14.0.0", u.unidata_version

OUT = "crates/stdlib/src/unicodedata/ucd.bin"
SHIFT = 7
COMPUTED_PREFIXES = (
    "CJK UNIFIED IDEOGRAPH",
    "CJK COMPATIBILITY IDEOGRAPH",
    "KHITAN SMALL SCRIPT CHARACTER",
    "NUSHU CHARACTER",
)
HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3


def section(data):
    return struct.pack("<I", len(data)) + data


def main():
    cats, bidis, eaws = [], [], []

    def idx(lst, v):
        if v not in lst:
            lst.append(v)
        return lst.index(v)

    # Make the unassigned values index 0.
    idx(cats, "Cn")
    idx(bidis, "")
    idx(eaws, "N")

    records, rec_index = [], {}
    per_cp = []
    for cp in range(0x110000):
        c = chr(cp)
        num = u.numeric(c, None)
        rec = struct.pack(
            "<BBBBBbbBd",
            idx(cats, u.category(c)),
            idx(bidis, u.bidirectional(c)),
            u.combining(c),
            u.mirrored(c),
            idx(eaws, u.east_asian_width(c)),
            u.decimal(c, -1),
            u.digit(c, -1),
            0,
            float("nan") if num is None else num,
        )
        if rec not in rec_index:
            rec_index[rec] = len(records)
            records.append(rec)
        per_cp.append(rec_index[rec])

    old = u.ucd_3_2_0
    new_ranges, old_diffs = [], []
    for cp in range(0x110000):
        c = chr(cp)
        if old.category(c) == "Cn" and u.category(c) != "Cn":
            if new_ranges and new_ranges[-1][1] == cp - 1:
                new_ranges[-1][1] = cp
            else:
                new_ranges.append([cp, cp])
            continue
        then = (old.category(c), old.bidirectional(c), old.combining(c), old.mirrored(c),
                old.east_asian_width(c), old.decimal(c, -1), old.digit(c, -1),
                old.numeric(c, None), old.decomposition(c))
        now = (u.category(c), u.bidirectional(c), u.combining(c), u.mirrored(c),
               u.east_asian_width(c), u.decimal(c, -1), u.digit(c, -1),
               u.numeric(c, None), u.decomposition(c))
        if then != now:
            rec = struct.pack(
                "<BBBBBbbBd", idx(cats, then[0]), idx(bidis, then[1]), then[2], then[3],
                idx(eaws, then[4]), then[5], then[6], 0,
                float("nan") if then[7] is None else then[7])
            old_diffs.append((cp, rec, then[8].encode("ascii")))
    sec12 = struct.pack("<I", len(new_ranges))
    sec12 += b"".join(struct.pack("<II", a, z) for a, z in new_ranges)
    sec12 += struct.pack("<I", len(old_diffs))
    for cp, rec, d in old_diffs:
        sec12 += struct.pack("<I", cp) + rec + struct.pack("<H", len(d)) + d

    blocks, block_index, index1 = [], {}, []
    for b in range(0, 0x110000, 1 << SHIFT):
        blk = tuple(per_cp[b:b + (1 << SHIFT)])
        if blk not in block_index:
            block_index[blk] = len(blocks)
            blocks.append(blk)
        index1.append(block_index[blk])
    assert len(records) < 65536 and len(blocks) < 65536
    index2 = [r for blk in blocks for r in blk]

    decomp_entries, decomp_text = [], bytearray()
    exclusions = []
    for cp in range(0x110000):
        d = u.decomposition(chr(cp))
        if not d:
            continue
        decomp_entries.append((cp, len(decomp_text), len(d)))
        decomp_text += d.encode("ascii")
        parts = d.split()
        if not d.startswith("<") and len(parts) == 2:
            pair = "".join(chr(int(p, 16)) for p in parts)
            if u.normalize("NFC", pair) != chr(cp):
                exclusions.append(cp)

    words, word_index = [], {}
    name_cps, name_lens, tokens = [], [], []
    computed = []  # [prefix, start, end]
    for cp in range(0x110000):
        if HANGUL_FIRST <= cp <= HANGUL_LAST:
            continue
        nm = u.name(chr(cp), None)
        if nm is None:
            continue
        prefix = next(
            (p for p in COMPUTED_PREFIXES if nm == "%s-%04X" % (p, cp)), None
        )
        if prefix is not None:
            if computed and computed[-1][0] == prefix and computed[-1][2] == cp - 1:
                computed[-1][2] = cp
            else:
                computed.append([prefix, cp, cp])
            continue
        parts = re.split("([ -])", nm)
        ws, seps = parts[0::2], parts[1::2] + [" "]
        name_cps.append(cp)
        name_lens.append(len(ws))
        assert len(ws) < 256
        for w, s in zip(ws, seps):
            if w not in word_index:
                word_index[w] = len(words)
                words.append(w)
            tok = word_index[w]
            assert tok < 0x8000
            tokens.append(tok | (0x8000 if s == "-" else 0))

    aliases = []
    if len(sys.argv) > 1:
        seen = set()
        for line in open(sys.argv[1], encoding="utf-8"):
            line = line.split("#")[0].strip()
            if not line:
                continue
            cp_s, alias, _kind = line.split(";")
            cp = int(cp_s, 16)
            try:
                ok = u.lookup(alias) == chr(cp)
            except KeyError:
                ok = False
            if ok and alias not in seen and u.name(chr(cp), None) != alias:
                seen.add(alias)
                aliases.append((cp, alias))

    sequences = []
    if len(sys.argv) > 2:
        lines = open(sys.argv[2], encoding="utf-8").read().split("\n")
        for code_line, name_line in zip(lines, lines[1:]):
            parts = code_line.split()
            if len(parts) < 2 or not all(re.fullmatch("[0-9A-F]+", p) for p in parts):
                continue
            text = "".join(chr(int(p, 16)) for p in parts)
            try:
                ok = u.lookup(name_line) == text
            except KeyError:
                ok = False
            if ok:
                sequences.append((name_line, [int(p, 16) for p in parts]))

    out = bytearray(b"KUCD")
    out += section(b"".join(records))
    out += section(struct.pack("<%dH" % len(index1), *index1))
    out += section(struct.pack("<%dH" % len(index2), *index2))
    out += section("\n".join(",".join(x) for x in (cats, bidis, eaws)).encode("ascii"))
    d = struct.pack("<I", len(decomp_entries))
    d += b"".join(struct.pack("<III", *e) for e in decomp_entries)
    out += section(d)
    out += section(bytes(decomp_text))
    out += section(struct.pack("<%dI" % len(exclusions), *exclusions))
    out += section("\n".join(words).encode("ascii"))
    n = struct.pack("<I", len(name_cps))
    n += struct.pack("<%dI" % len(name_cps), *name_cps)
    n += bytes(name_lens)
    n += struct.pack("<%dH" % len(tokens), *tokens)
    out += section(n)
    c = struct.pack("<I", len(computed))
    for prefix, start, end in computed:
        c += struct.pack("<IIB", start, end, len(prefix)) + prefix.encode("ascii")
    out += section(c)
    a = struct.pack("<I", len(aliases))
    for cp, alias in aliases:
        a += struct.pack("<IB", cp, len(alias)) + alias.encode("ascii")
    out += section(a)
    q = struct.pack("<I", len(sequences))
    for name, cps in sequences:
        q += struct.pack("<B", len(name)) + name.encode("ascii")
        q += struct.pack("<B%dI" % len(cps), len(cps), *cps)
    out += section(q)
    out += section(sec12)
    with open(OUT, "wb") as f:
        f.write(out)
    print(
        "%s: %d bytes, %d records, %d blocks, %d decompositions, %d names, "
        "%d words, %d computed ranges, %d aliases, %d named sequences, "
        "%d ranges new since 3.2.0, %d changed since 3.2.0"
        % (OUT, len(out), len(records), len(blocks), len(decomp_entries),
           len(name_cps), len(words), len(computed), len(aliases), len(sequences),
           len(new_ranges), len(old_diffs))
    )


if __name__ == "__main__":
    main()
