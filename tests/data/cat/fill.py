"""Helpers of make.sh, on translate-toolkit's own storage classes.

fill SOURCE.po TARGET.po OUT.po: the units of SOURCE.po with the source texts of TARGET.po as
    their translations, unit by unit (both come from txt2po on renderings whose paragraphs are
    in the same order).
edit IN.txt OUT.txt: the Dutch rendering with ten figures changed, one in each of ten
    paragraphs (EDITS, by paragraph number as txt2po counts them, from 0).
"""
import re
import sys

from translate.storage import po

# (paragraph, figure as written, changed figure): ten edits a hurried editor could make.
EDITS = [
    (6, "5,83 miljard", "5,38 miljard"),
    (10, "32,1 miljoen", "31,2 miljoen"),
    (15, "222 miljard", "232 miljard"),
    (16, "14 miljard", "41 miljard"),
    (24, "6,5 miljard", "6,8 miljard"),
    (29, "31 december", "30 december"),
    (41, "400 miljard", "40 miljard"),
    (66, "4,9 procent", "9,4 procent"),
    (78, "844,1 miljard", "841,1 miljard"),
    (84, "21,5 miljoen", "12,5 miljoen"),
]


def fill(source_path, target_path, out_path):
    source = po.pofile.parsefile(source_path)
    target = po.pofile.parsefile(target_path)
    source_units = [u for u in source.units if not u.isheader()]
    target_units = [u for u in target.units if not u.isheader()]
    assert len(source_units) == len(target_units), (len(source_units), len(target_units))
    for s, t in zip(source_units, target_units):
        s.target = t.source
    source.savefile(out_path)


def edit(in_path, out_path):
    text = open(in_path, encoding="utf-8").read()
    parts = re.split(r"(\n\s*\n)", text)
    # Paragraphs are the even parts, separators the odd ones.
    for paragraph, old, new in EDITS:
        at = 2 * paragraph
        assert old in parts[at], (paragraph, old, parts[at][:80])
        parts[at] = parts[at].replace(old, new, 1)
    open(out_path, "w", encoding="utf-8").write("".join(parts))


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {"fill": fill, "edit": edit}[command](*args)
