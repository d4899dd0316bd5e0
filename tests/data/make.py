#!/usr/bin/env python3
"""Build the small files of tests/data from the seeds, the way the tools that make them do:
a browser-saved page, a Word and an OpenDocument file (zip + XML, as Word and LibreOffice
write them), Markdown, XLIFF 1.2 and 2.0 and TMX 1.4 from a translation tool, and three bad
files. Run from the repository root: python3 tests/data/make.py"""
import html, re, zipfile, io
from xml.sax.saxutils import escape

def paragraphs(name):
    text = open(f"seeds/{name}.txt", encoding="utf-8").read()
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]

sv = paragraphs("000_56c814ddb9b757cd")
nl = paragraphs("001_0bd7ab58742551fb")
de = paragraphs("002_0a61c7d32ba01d67")
nlnews = paragraphs("003_1ff2a8570726df8e")
out = "tests/data/"

# 1. A browser-saved German news page: navigation, site header, share bar, related links,
#    cookie banner, footer and scripts around the article.
body = []
for p in de[:12]:
    if len(p) < 70 and not p.endswith("."):
        body.append(f"      <h2>{html.escape(p)}</h2>")
    else:
        body.append(f"      <p>{html.escape(p)}</p>")
page = f"""<!DOCTYPE html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <title>SoftBank verkauft Nvidia-Aktien – Tech-Nachrichten</title>
  <link rel="stylesheet" href="style.css">
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
  <style>.share-bar {{ display: flex; }}</style>
</head>
<body>
  <div id="cookie-consent">Wir verwenden Cookies. <button>Akzeptieren</button></div>
  <header class="site-header"><a href="/" class="logo">Tech-Nachrichten</a></header>
  <nav class="main-menu"><ul><li><a href="/ki">KI</a></li><li><a href="/chips">Chips</a></li><li><a href="/boerse">Börse</a></li></ul></nav>
  <main>
    <article>
      <header><h1>SoftBank verkauft alle Nvidia-Aktien für 5,83 Milliarden US-Dollar</h1>
      <p class="byline">Von unserer Redaktion · 11. November 2025</p></header>
{chr(10).join(body)}
      <figure><img src="son.jpg" alt=""><figcaption>Masayoshi Son, Gründer der SoftBank Group.</figcaption></figure>
      <div class="share-bar"><a href="#">Teilen auf X</a> <a href="#">Auf LinkedIn teilen</a> <a href="#">E-Mail</a></div>
    </article>
    <aside class="related"><h3>Mehr zum Thema</h3><ul><li><a href="/a">Nvidia meldet Rekordumsatz</a></li><li><a href="/b">OpenAI sucht neue Geldgeber</a></li></ul></aside>
  </main>
  <footer><p>© 2025 Tech-Nachrichten GmbH · <a href="/impressum">Impressum</a> · <a href="/datenschutz">Datenschutz</a></p></footer>
  <script src="app.js"></script>
</body>
</html>
"""
open(out + "softbank-de.html", "w", encoding="utf-8").write(page)

# 2. A Word document (Dutch news): Title and heading styles with Dutch style ids, as Dutch Word
#    writes them (the names in styles.xml stay English).
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
def wpara(text, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    runs = "".join(
        f'<w:r><w:t xml:space="preserve">{escape(part)}</w:t></w:r>' + ('<w:r><w:tab/></w:r>' if i < len(text.split("\t")) - 1 else "")
        for i, part in enumerate(text.split("\t")))
    return f"<w:p>{ppr}{runs}</w:p>"
wbody = [wpara("SoftBank zet alles op OpenAI", "Titel")]
for p in nlnews:
    p = p.replace("date 2025-12-22 ", "")
    wbody.append(wpara(p, "Kop2" if len(p) < 60 else None))
wbody.append('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Waardering OpenAI</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>500 miljard dollar</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{"".join(wbody)}<w:sectPr/></w:body></w:document>'
styles = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}><w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/><w:basedOn w:val="Standaard"/></w:style>
<w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/><w:basedOn w:val="Standaard"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>'''
content_types = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>'''
rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'''
doc_rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'''
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", content_types)
    z.writestr("_rels/.rels", rels)
    z.writestr("word/document.xml", document)
    z.writestr("word/_rels/document.xml.rels", doc_rels)
    z.writestr("word/styles.xml", styles)
docx = buf.getvalue()
open(out + "softbank-nl.docx", "wb").write(docx)
# A Word file cut short, as a broken download leaves it.
open(out + "broken.docx", "wb").write(docx[: len(docx) // 2])

# 3. OpenDocument text (the same Dutch news).
T = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
obody = ['<text:h text:outline-level="1">SoftBank zet alles op OpenAI</text:h>']
for p in nlnews:
    p = escape(p.replace("date 2025-12-22 ", ""))
    if len(p) < 60:
        obody.append(f'<text:h text:outline-level="2">{p}</text:h>')
    else:
        obody.append(f'<text:p text:style-name="P1">{p}<text:note text:note-class="footnote"><text:note-body><text:p>Bron: Reuters</text:p></text:note-body></text:note></text:p>' if "Reuters" in p else f'<text:p>{p}</text:p>')
content = f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {T} office:version="1.3"><office:body><office:text>{"".join(obody)}</office:text></office:body></office:document-content>'
manifest = '''<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'''
with zipfile.ZipFile(out + "softbank-nl.odt", "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
    z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)

# 4. Markdown: the first part of the Swedish rendering with its headings.
md = ["# " + sv[1], ""]
for p in sv[4:16]:
    if p.endswith("?") and len(p) < 80:
        md += ["## " + p, ""]
    elif p == "Lämplig för detta:":
        continue
    else:
        md += [p.replace("SoftBank Group", "**SoftBank Group**", 1), ""]
md += ["- Försäljning: 32,1 miljoner aktier", "- Intäkt: 5,83 miljarder dollar", ""]
open(out + "softbank-sv.md", "w", encoding="utf-8").write("\n".join(md))

# 5. XLIFF 1.2 (sv → nl) as a CAT tool exports it: inline codes, notes, states, an untranslated
#    unit, and alternative translations that are not the target.
pairs = [(sv[i], nl[i]) for i in range(4, 16) if sv[i] != "Lämplig för detta:"]
units = []
states = ["translated", "final", "needs-review-translation", "signed-off", "translated", "new"]
for n, (s, t) in enumerate(pairs, start=1):
    state = states[n % len(states)]
    note = f"\n        <note from=\"redactie\">Controleer het bedrag in unit {n}.</note>" if n in (3, 7) else ""
    alt = f"\n        <alt-trans><source>{escape(s)}</source><target xml:lang=\"nl-NL\">OUDE VERTALING {n}</target></alt-trans>" if n == 2 else ""
    src = escape(s)
    tgt = escape(t)
    if n == 1:
        src = f'<g id="1">{src}</g><x id="2"/>'
        tgt = f'<g id="1">{tgt}</g><x id="2"/>'
    if n == 4:
        src = src + ' <ph id="3">&lt;br/&gt;</ph>'
        tgt = tgt + ' <ph id="3">&lt;br/&gt;</ph>'
    target = "" if n == len(pairs) else f'\n        <target state="{state}">{tgt}</target>'
    units.append(f'''      <trans-unit id="u{n}" resname="p{n}">
        <source>{src}</source>{target}{note}{alt}
      </trans-unit>''')
xliff12 = f'''<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="softbank.html" source-language="sv-SE" target-language="nl-NL" datatype="html" tool-id="cat">
    <header><tool tool-id="cat" tool-name="CAT tool"/><note>Artikel over SoftBank en Nvidia</note></header>
    <body>
{chr(10).join(units)}
    </body>
  </file>
</xliff>
'''
open(out + "softbank-sv-nl.xlf", "w", encoding="utf-8").write(xliff12)
# A file cut off in the middle of a unit.
open(out + "malformed.xlf", "w", encoding="utf-8").write(xliff12[: len(xliff12) * 2 // 3])

# 6. XLIFF 2.0 (nl → sv): segments, notes, inline codes with original data, a unit of two segments.
units2 = []
pairs2 = [(nl[i], sv[i]) for i in range(16, 26) if nl[i] != "Geschikt hiervoor:"]
states2 = ["translated", "reviewed", "final", "initial"]
for n, (s, t) in enumerate(pairs2, start=1):
    notes = f'\n      <notes><note category="review">Let op: cijfers nakijken ({n}).</note></notes>' if n == 2 else ""
    data = '\n      <originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data></originalData>' if n == 1 else ""
    src, tgt = escape(s), escape(t)
    if n == 1:
        src = f'<pc id="1" dataRefStart="d1" dataRefEnd="d2">{src}</pc>'
        tgt = f'<pc id="1" dataRefStart="d1" dataRefEnd="d2">{tgt}</pc>'
    if n == 3 and ". " in s and ". " in t:
        s1, s2 = src.split(". ", 1)
        t1, t2 = tgt.split(". ", 1)
        segs = f'''
      <segment id="s{n}a" state="{states2[n % 4]}"><source>{s1}.</source><target>{t1}.</target></segment>
      <ignorable><source> </source><target> </target></ignorable>
      <segment id="s{n}b" state="{states2[n % 4]}"><source>{s2}</source><target>{t2}</target></segment>'''
    else:
        segs = f'''
      <segment id="s{n}" state="{states2[n % 4]}"><source>{src}</source><target>{tgt}</target></segment>'''
    units2.append(f'''    <unit id="n{n}">{notes}{data}{segs}
    </unit>''')
xliff20 = f'''<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="nl" trgLang="sv">
  <file id="f1" original="softbank-nl.html">
{chr(10).join(units2)}
  </file>
</xliff>
'''
open(out + "softbank-nl-sv.xlf", "w", encoding="utf-8").write(xliff20)

# 7. TMX 1.4 (sv-SE, nl-NL) with unit ids, notes and paired tags.
tus = []
for n, i in enumerate(range(26, 36), start=1):
    if sv[i] == "Lämplig för detta:":
        continue
    note = "\n      <note>Gecontroleerd door de eindredactie.</note>" if n == 5 else ""
    s, t = escape(sv[i]), escape(nl[i])
    if n == 1:
        s = f'<bpt i="1">&lt;b&gt;</bpt>{s}<ept i="1">&lt;/b&gt;</ept>'
        t = f'<bpt i="1">&lt;b&gt;</bpt>{t}<ept i="1">&lt;/b&gt;</ept>'
    tus.append(f'''    <tu tuid="softbank-{i}" creationdate="20251112T101500Z">{note}
      <tuv xml:lang="sv-SE"><seg>{s}</seg></tuv>
      <tuv xml:lang="nl-NL"><seg>{t}</seg></tuv>
    </tu>''')
tmx = f'''<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="CAT tool" creationtoolversion="1.0" segtype="paragraph" o-tmf="cat" adminlang="en-US" srclang="sv-SE" datatype="plaintext"/>
  <body>
{chr(10).join(tus)}
  </body>
</tmx>
'''
open(out + "softbank-sv-nl.tmx", "w", encoding="utf-8").write(tmx)

# 8. A page with no article text at all.
open(out + "empty-page.html", "w", encoding="utf-8").write(
    '<!DOCTYPE html><html><head><title>Laden…</title><script>location.href="/app"</script></head>'
    '<body><nav><a href="/">Start</a></nav><noscript>JavaScript nötig</noscript></body></html>\n')
