//! Word (`.docx`) and ODF (`.odt`) files: a zip archive with the text in XML. Word
//! paragraphs whose style is a heading style (by its name in `styles.xml`, whatever the
//! language of the style's id: *Kop1*, *Überschrift1*, *Rubrik1*) or that have an outline level
//! are headings; in ODF, `text:h` is a heading.

use std::io::Read as _;

use super::xml::{Node, walk};
use super::{Block, Blocks};
use crate::paragraph::ParagraphKind;

/// The largest XML part read from an archive (a guard against zip bombs).
const MAX_PART: u64 = 256 << 20;

pub(super) fn read_docx(bytes: &[u8]) -> Result<Blocks, String> {
    let mut archive = open_archive(bytes, "Word")?;
    let document = part(&mut archive, "word/document.xml")?
        .ok_or("not a Word document: the archive has no word/document.xml")?;
    let styles = part(&mut archive, "word/styles.xml")?.unwrap_or_default();
    let heading_styles = heading_styles(&styles)?;

    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut blocks = Vec::new();
    let mut in_text = false;
    walk(&document, |node| match node {
        Node::Open(tag) => match tag.name.as_str() {
            "p" => paragraphs.push(Paragraph::default()),
            "t" => in_text = true,
            "tab" => push(&mut paragraphs, " "),
            "br" | "cr" => push(&mut paragraphs, "\n"),
            "pStyle" => {
                if let (Some(paragraph), Some(style)) = (paragraphs.last_mut(), tag.attr("val")) {
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
            "p" => finish(&mut paragraphs, &mut blocks),
            _ => {}
        },
        Node::Text(text) if in_text => push(&mut paragraphs, &text),
        Node::Text(_) => {}
    })
    .map_err(|err| format!("word/document.xml: {err}"))?;
    Ok(Blocks {
        blocks,
        encoding: "UTF-8",
    })
}

pub(super) fn read_odt(bytes: &[u8]) -> Result<Blocks, String> {
    let mut archive = open_archive(bytes, "OpenDocument")?;
    let content = part(&mut archive, "content.xml")?
        .ok_or("not an OpenDocument file: the archive has no content.xml")?;
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut blocks = Vec::new();
    // Footnotes, comments and deleted text are not the article's running text.
    let mut skipped = 0usize;
    walk(&content, |node| match node {
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
                push(&mut paragraphs, &" ".repeat(count.min(16)));
            }
            "tab" => push(&mut paragraphs, " "),
            "line-break" => push(&mut paragraphs, "\n"),
            _ => {}
        },
        Node::Close(_) if skipped > 0 => skipped -= 1,
        Node::Close("p" | "h") => finish(&mut paragraphs, &mut blocks),
        Node::Close(_) => {}
        Node::Text(text) if skipped == 0 => push(&mut paragraphs, &text),
        Node::Text(_) => {}
    })
    .map_err(|err| format!("content.xml: {err}"))?;
    Ok(Blocks {
        blocks,
        encoding: "UTF-8",
    })
}

/// A paragraph being read (paragraphs nest: a text box inside a paragraph).
#[derive(Default)]
struct Paragraph {
    text: String,
    heading: bool,
}

fn push(paragraphs: &mut [Paragraph], text: &str) {
    if let Some(paragraph) = paragraphs.last_mut() {
        paragraph.text.push_str(text);
    }
}

fn finish(paragraphs: &mut Vec<Paragraph>, blocks: &mut Vec<Block>) {
    if let Some(paragraph) = paragraphs.pop() {
        // The styles say what a paragraph is: a heading, or running text.
        let kind = Some(if paragraph.heading {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Body
        });
        blocks.extend(Block::new(&paragraph.text, kind));
    }
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
    file.take(MAX_PART)
        .read_to_end(&mut bytes)
        .map_err(|err| format!("{name} cannot be read (the archive is damaged): {err}"))?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| format!("{name} is not UTF-8 text"))
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
