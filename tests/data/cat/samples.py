"""Samples shaped after the SDLXLIFF (Trados Studio) and memoQ XLIFF specifications, from the
bundled Swedish-Dutch pair: python3 tests/data/cat/samples.py (from the repository root).

- softbank-sv-nl.sdlxliff: one trans-unit per paragraph, its text segmented the way Trados
  writes it: <seg-source> and <target> with <mrk mtype="seg" mid="N"> per sentence, inside the
  <g> of the paragraph, and <sdl:seg-defs> with each segment's confirmation level, origin and
  match percentage; a structure unit translate="no" first; the file declares the source as
  en-US (Studio's default for a project made in English), the target nl-NL.
- softbank-sv-nl.mqxliff: one trans-unit per paragraph as memoQ exports them, with
  mq:status, mq:percent and a locked unit (mq:locked="locked"), declared en-US as well.

A paragraph is cut into sentences only where both renderings have the same number of them
(a sentence ends at . ! or ? before a capital letter); others stay one segment.
"""
import re
from xml.sax.saxutils import escape, quoteattr


def paragraphs(name):
    text = open(f"seeds/{name}.txt", encoding="utf-8").read()
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"“])")

sv = paragraphs("000_56c814ddb9b757cd")
nl = paragraphs("001_0bd7ab58742551fb")
assert len(sv) == len(nl)

CONF = ["Translated", "ApprovedTranslation", "Draft", "Translated"]
ORIGIN = [("tm", "100"), ("interactive", None), ("mt", None), ("tm", "85")]

units = []
for n, (s, t) in enumerate(zip(sv, nl), start=1):
    s_parts, t_parts = SENTENCE_END.split(s), SENTENCE_END.split(t)
    if len(s_parts) != len(t_parts):
        s_parts, t_parts = [s], [t]
    units.append((n, s, t, s_parts, t_parts))

out = []
out.append('<?xml version="1.0" encoding="utf-8"?>')
out.append('<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">')
out.append('<file original="C:\\Projects\\SoftBank\\sv-SE\\softbank.docx" datatype="x-sdlfilterframework2" source-language="en-US" target-language="nl-NL">')
out.append('<header><file-info xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"><value key="SDL:FileId">0f1e</value></file-info>'
           '<sdl:filetype-info><sdl:filetype-id>Word 2007 v 2.0.0.0</sdl:filetype-id></sdl:filetype-info>'
           '<tag-defs xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"><tag id="1"><bpt name="cf" word-end="false">&lt;cf bold=True&gt;</bpt><ept name="cf" word-end="false">&lt;/cf&gt;</ept></tag></tag-defs></header>')
out.append('<body>')
out.append('<trans-unit translate="no" id="0a1b"><source><x id="0"/></source></trans-unit>')
mid = 0
for n, s, t, s_parts, t_parts in units:
    segs_s, segs_t, defs = [], [], []
    for k, (a, b) in enumerate(zip(s_parts, t_parts)):
        mid += 1
        segs_s.append(f'<mrk mtype="seg" mid="{mid}">{escape(a)}</mrk>')
        segs_t.append(f'<mrk mtype="seg" mid="{mid}">{escape(b)}</mrk>')
        conf = CONF[(n + k) % len(CONF)]
        origin, percent = ORIGIN[(n + k) % len(ORIGIN)]
        pct = f' percent="{percent}"' if percent else ""
        defs.append(f'<sdl:seg id="{mid}" conf="{conf}" origin="{origin}"{pct}/>')
    out.append(f'<group><sdl:cxts><sdl:cxt id="p{n}"/></sdl:cxts><trans-unit id="u{n:04x}">')
    out.append(f'<source><g id="{n}">{escape(s)}</g></source>')
    out.append(f'<seg-source><g id="{n}">{" ".join(segs_s)}</g></seg-source>')
    out.append(f'<target><g id="{n}">{" ".join(segs_t)}</g></target>')
    out.append(f'<sdl:seg-defs>{"".join(defs)}</sdl:seg-defs>')
    out.append('</trans-unit></group>')
out.append('</body></file></xliff>')
open("tests/data/cat/softbank-sv-nl.sdlxliff", "w", encoding="utf-8").write("\n".join(out) + "\n")

STATUS = ["ManuallyConfirmed", "Reviewer1Confirmed", "PartiallyEdited", "Pretranslated"]
out = []
out.append('<?xml version="1.0" encoding="utf-8"?>')
out.append('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff">')
out.append('<file original="softbank.docx" source-language="en-US" target-language="nl-NL" datatype="x-memoq" mq:ResourceType="Document">')
out.append('<header><tool tool-id="MQ" tool-name="memoQ" tool-version="11.0" tool-company="memoQ Ltd"/></header><body>')
for n, s, t, _, _ in units:
    status = STATUS[n % len(STATUS)]
    locked = ' mq:locked="locked"' if n == 1 else ""
    out.append(f'<trans-unit id="{n}" mq:status="{status}" mq:percent="{(n * 7) % 102}"{locked} mq:segmentguid="00000000-0000-0000-0000-{n:012d}">')
    out.append(f'<source xml:space="preserve">{escape(s)}</source>')
    out.append(f'<target xml:space="preserve">{escape(t)}</target>')
    out.append('</trans-unit>')
out.append('</body></file></xliff>')
open("tests/data/cat/softbank-sv-nl.mqxliff", "w", encoding="utf-8").write("\n".join(out) + "\n")
