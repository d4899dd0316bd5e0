//! Word (`.docx`) and ODF (`.odt`) files: a zip archive with the text in XML. Word
//! paragraphs whose style is a heading style (by its name in `styles.xml`, whatever the
//! language of the style's id: *Kop1*, *Überschrift1*, *Rubrik1*) or that have an outline level
//! are headings; in ODF, `text:h` is a heading.

use std::io::Read as _;

use super::xml::{Flow, Node, walk, walk_reader};
use super::{Block, Blocks};
use crate::classify::ParagraphKind;
use crate::decode::ReadNote;
use crate::input::{MAX_PARAGRAPHS, MAX_TEXT_BYTES};

/// The most XML one part of an archive may unpack to (read as a stream, never held whole: a
/// guard against zip bombs).
const MAX_PART: u64 = 512 << 20;
/// The most a part read whole (the styles) may unpack to.
const MAX_SMALL_PART: u64 = 16 << 20;

const DOCUMENT_XML: &str = "word/document.xml";
const CONTENT_XML: &str = "content.xml";

pub(super) fn read_docx(bytes: &[u8]) -> Result<Blocks, String> {
    let mut archive = open_archive(bytes, "Word")?;
    let styles = part(&mut archive, "word/styles.xml")?.unwrap_or_default();
    let heading_styles = heading_styles(&styles)?;
    let declared_lang = default_lang(&styles, "docDefaults", "lang", "val");
    let document = main_part(&mut archive, DOCUMENT_XML, "a Word document")?;
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut kept = Kept::default();
    let mut in_text = false;
    let mut stream = Capped::new(document, MAX_PART);
    let walked = walk_reader(std::io::BufReader::new(&mut stream), |node| {
        match node {
            Node::Open(tag) => match tag.name.as_str() {
                "p" => paragraphs.push(Paragraph::default()),
                "t" => in_text = true,
                "tab" => kept.push(&mut paragraphs, " "),
                "br" | "cr" => kept.push(&mut paragraphs, "\n"),
                "pStyle" => {
                    if let (Some(paragraph), Some(style)) = (paragraphs.last_mut(), tag.attr("val"))
                    {
                        paragraph.heading |= heading_styles.iter().any(|s| s == style);
                    }
                }
                "outlineLvl" => {
                    // Level 9 is "body text" in Word.
                    if let Some(paragraph) = paragraphs.last_mut() {
                        paragraph.heading |= tag.attr("val").is_some_and(|v| v != "9");
                    }
                }
                _ => {}
            },
            Node::Close(name) => match name {
                "t" => in_text = false,
                "p" => kept.finish(&mut paragraphs),
                _ => {}
            },
            Node::Text(text) if in_text => kept.push(&mut paragraphs, &text),
            Node::Text(_) => {}
        }
        kept.flow()
    });
    stream.check(DOCUMENT_XML, walked)?;
    let mut blocks = kept.into_blocks();
    blocks.declared_lang = declared_lang;
    Ok(blocks)
}

pub(super) fn read_odt(bytes: &[u8]) -> Result<Blocks, String> {
    let mut archive = open_archive(bytes, "OpenDocument")?;
    let styles = part(&mut archive, "styles.xml")?.unwrap_or_default();
    let declared_lang = default_lang(&styles, "default-style", "text-properties", "language");
    let content = main_part(&mut archive, CONTENT_XML, "an OpenDocument file")?;
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut kept = Kept::default();
    // Footnotes, comments and deleted text are not the article's running text.
    let mut skipped = 0usize;
    let mut stream = Capped::new(content, MAX_PART);
    let walked = walk_reader(std::io::BufReader::new(&mut stream), |node| {
        match node {
            Node::Open(tag)
                if skipped > 0
                    || matches!(tag.name.as_str(), "note" | "annotation" | "tracked-changes") =>
            {
                skipped += 1;
            }
            Node::Open(tag) => match tag.name.as_str() {
                "p" => paragraphs.push(Paragraph::default()),
                "h" => paragraphs.push(Paragraph {
                    heading: true,
                    ..Paragraph::default()
                }),
                "s" => {
                    let count: usize = tag.attr("c").and_then(|c| c.parse().ok()).unwrap_or(1);
                    kept.push(&mut paragraphs, &" ".repeat(count.min(16)));
                }
                "tab" => kept.push(&mut paragraphs, " "),
                "line-break" => kept.push(&mut paragraphs, "\n"),
                _ => {}
            },
            Node::Close(_) if skipped > 0 => skipped -= 1,
            Node::Close("p" | "h") => kept.finish(&mut paragraphs),
            Node::Close(_) => {}
            Node::Text(text) if skipped == 0 => kept.push(&mut paragraphs, &text),
            Node::Text(_) => {}
        }
        kept.flow()
    });
    stream.check(CONTENT_XML, walked)?;
    let mut blocks = kept.into_blocks();
    blocks.declared_lang = declared_lang;
    Ok(blocks)
}

/// The part of the archive that holds the text, to read as a stream; its absence means the
/// file is not `what`.
fn main_part<'z, 'b>(
    archive: &'z mut zip::ZipArchive<std::io::Cursor<&'b [u8]>>,
    name: &str,
    what: &str,
) -> Result<zip::read::ZipFile<'z, std::io::Cursor<&'b [u8]>>, String> {
    match archive.by_name(name) {
        Ok(file) => Ok(file),
        Err(zip::result::ZipError::FileNotFound) => {
            Err(format!("not {what}: the archive has no {name}"))
        }
        Err(err) => Err(format!("{name} cannot be read: {err}")),
    }
}

/// The paragraphs read so far, and whether a cap on what one input may become was reached.
#[derive(Default)]
struct Kept {
    blocks: Vec<Block>,
    text_bytes: usize,
    cut: Option<ReadNote>,
}

impl Kept {
    fn push(&mut self, paragraphs: &mut [Paragraph], text: &str) {
        if self.cut.is_some() {
            return;
        }
        if let Some(paragraph) = paragraphs.last_mut() {
            self.text_bytes += text.len();
            if self.text_bytes > MAX_TEXT_BYTES {
                self.cut = Some(ReadNote::cut(format!(
                    "more than {} MB of text; opened the first {} MB",
                    MAX_TEXT_BYTES >> 20,
                    MAX_TEXT_BYTES >> 20
                )));
                return;
            }
            paragraph.text.push_str(text);
        }
    }

    fn finish(&mut self, paragraphs: &mut Vec<Paragraph>) {
        let Some(paragraph) = paragraphs.pop() else {
            return;
        };
        if self.cut.is_some() {
            return;
        }
        if self.blocks.len() == MAX_PARAGRAPHS {
            self.cut = Some(paragraph_cap_note());
            return;
        }
        // The styles say what a paragraph is: a heading, or running text.
        let kind = Some(if paragraph.heading {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Body
        });
        self.blocks.extend(Block::new(&paragraph.text, kind));
    }

    fn flow(&self) -> Flow {
        if self.cut.is_some() {
            Flow::Stop
        } else {
            Flow::Continue
        }
    }

    fn into_blocks(self) -> Blocks {
        Blocks {
            blocks: self.blocks,
            encoding: "UTF-8",
            notes: self.cut.into_iter().collect(),
            declared_lang: None,
        }
    }
}

/// The note of a document cut at [`MAX_PARAGRAPHS`].
pub fn paragraph_cap_note() -> ReadNote {
    let count = crate::words::group_thousands(MAX_PARAGRAPHS);
    ReadNote::cut(format!(
        "more than {count} paragraphs; opened the first {count}"
    ))
}

/// A part of an archive read as a stream, stopped at `cap` bytes ([`MAX_PART`]).
struct Capped<R> {
    inner: R,
    read: u64,
    cap: u64,
}

impl<R: std::io::Read> Capped<R> {
    fn new(inner: R, cap: u64) -> Self {
        Self {
            inner,
            read: 0,
            cap,
        }
    }

    /// The walk's result in words: a part that reached the cap says so (it is not "cut short").
    fn check(&self, name: &str, walked: Result<(), String>) -> Result<(), String> {
        match walked {
            Err(_) if self.read >= self.cap => Err(format!(
                "{name} unpacks to more than {} MB; not opened",
                self.cap >> 20
            )),
            Err(err) => Err(format!("{name}: {err}")),
            Ok(()) => Ok(()),
        }
    }
}

impl<R: std::io::Read> std::io::Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let room = usize::try_from(self.cap - self.read).unwrap_or(usize::MAX);
        if room == 0 {
            return Ok(0);
        }
        let len = buf.len().min(room);
        let read = self
            .inner
            .read(&mut buf[..len])
            .map_err(|err| std::io::Error::other(format!("the archive is damaged: {err}")))?;
        self.read += read as u64;
        Ok(read)
    }
}

/// A paragraph being read (paragraphs nest: a text box inside a paragraph).
#[derive(Default)]
struct Paragraph {
    text: String,
    heading: bool,
}

fn open_archive<'a>(
    bytes: &'a [u8],
    what: &str,
) -> Result<zip::ZipArchive<std::io::Cursor<&'a [u8]>>, String> {
    zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|err| format!("not a readable {what} file: the zip archive is damaged ({err})"))
}

/// The text of the archive's part `name`, or `None` when there is none.
fn part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(err) => return Err(format!("{name} cannot be read: {err}")),
    };
    let mut bytes = Vec::new();
    file.take(MAX_SMALL_PART + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| format!("{name} cannot be read (the archive is damaged): {err}"))?;
    if bytes.len() as u64 > MAX_SMALL_PART {
        return Err(format!(
            "{name} unpacks to more than {} MB; not opened",
            MAX_SMALL_PART >> 20
        ));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| format!("{name} is not UTF-8 text"))
}

/// The document's default language as its styles declare it: the attribute `attribute` of the
/// first `element` inside `within` (Word: `w:docDefaults` … `w:lang w:val`; ODF:
/// `style:default-style` … `style:text-properties fo:language`). Word writes its own default
/// (`en-US`) whatever the text is in: a confident detection of the text wins over it.
fn default_lang(styles: &str, within: &str, element: &str, attribute: &str) -> Option<String> {
    let mut inside = 0usize;
    let mut found: Option<String> = None;
    walk(styles, |node| match node {
        Node::Open(tag) if tag.name == within => inside += 1,
        Node::Open(tag) if inside > 0 && found.is_none() && tag.name == element => {
            found = tag
                .attr(attribute)
                .filter(|lang| !lang.is_empty() && *lang != "none")
                .map(str::to_owned);
        }
        Node::Close(name) if name == within => inside = inside.saturating_sub(1),
        _ => {}
    })
    .ok()?;
    found
}

/// The ids of the styles of `styles.xml` that are headings: named `heading N` or `Title`, or
/// with an outline level.
fn heading_styles(styles: &str) -> Result<Vec<String>, String> {
    let mut headings = Vec::new();
    let mut current: Option<(String, bool)> = None;
    walk(styles, |node| match node {
        Node::Open(tag) => match tag.name.as_str() {
            "style" => current = tag.attr("styleId").map(|id| (id.to_owned(), false)),
            "name" => {
                if let (Some((_, heading)), Some(name)) = (&mut current, tag.attr("val")) {
                    let name = name.to_ascii_lowercase();
                    *heading |= name.starts_with("heading") || name == "title";
                }
            }
            "outlineLvl" => {
                if let Some((_, heading)) = &mut current {
                    *heading |= tag.attr("val").is_some_and(|v| v != "9");
                }
            }
            _ => {}
        },
        Node::Close("style") => {
            if let Some((id, true)) = current.take() {
                headings.push(id);
            }
        }
        _ => {}
    })
    .map_err(|err| format!("word/styles.xml: {err}"))?;
    Ok(headings)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A part over the cap says so, not "is the file cut short?" (issue 22).
    #[test]
    fn a_part_over_the_cap_says_so() {
        let xml = format!(
            "<w:document><w:body>{}</w:body></w:document>",
            "<w:r><w:t/></w:r>".repeat(200_000)
        );
        let mut stream = Capped::new(xml.as_bytes(), 1 << 20);
        let walked = walk_reader(std::io::BufReader::new(&mut stream), |_| Flow::Continue);
        let err = stream.check(DOCUMENT_XML, walked).unwrap_err();
        assert_eq!(
            err,
            "word/document.xml unpacks to more than 1 MB; not opened"
        );
        // Within the cap, a document cut short is still called so.
        let mut stream = Capped::new(&xml.as_bytes()[..1000], 1 << 20);
        let walked = walk_reader(std::io::BufReader::new(&mut stream), |_| Flow::Continue);
        let err = stream.check(DOCUMENT_XML, walked).unwrap_err();
        assert!(err.contains("cut short"), "{err}");
    }
}
