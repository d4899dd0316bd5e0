#!/usr/bin/env bash
# Bilingual files of the bundled Swedish–Dutch pair as translate-toolkit writes them, and an
# edited copy with ten changed figures (tests/integration/cat.rs reads them).
#
#   pip install translate-toolkit==3.20.4
#   bash tests/data/cat/make.sh            (from the repository root)
#
# txt2po makes a PO file of each rendering (one unit per paragraph; the gettext header first);
# fill.py, with translate-toolkit's own PO storage, puts the Dutch paragraphs in as the
# translations of the Swedish ones (the two renderings have their 129 paragraphs in the same
# order); po2xliff and po2tmx turn that into XLIFF 1.1 and TMX 1.4 with their default
# declarations: the XLIFF's source is "en-US", the TMX's srclang "en" (neither is true);
# xliff2po reads the XLIFF back to PO. Nothing here is written by hand.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp ../../../seeds/000_56c814ddb9b757cd.txt "$work/sv.txt"
cp ../../../seeds/001_0bd7ab58742551fb.txt "$work/nl.txt"
here=$PWD
python3 fill.py edit "$work/nl.txt" "$work/nl-edited.txt"
# Run where the texts are, so that the units' locations name the file, not a temporary path.
(cd "$work" && txt2po --progress=none sv.txt sv.po)
for variant in nl nl-edited; do
  (cd "$work" && txt2po --progress=none "$variant.txt" "$variant.po")
  out=softbank-sv-$variant
  python3 fill.py fill "$work/sv.po" "$work/$variant.po" "$out.po"
  po2xliff --progress=none "$out.po" "$out.xlf"
  po2tmx --progress=none -l nl "$out.po" "$out.tmx"
done
xliff2po --progress=none softbank-sv-nl.xlf softbank-sv-nl.xliff2po.po
{ txt2po --version; python3 --version; } > "$here/tools.txt"
