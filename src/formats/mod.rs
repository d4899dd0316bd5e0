//! The files articles arrive in: plain text, saved web pages, Markdown, Word and ODF
//! files, and the bilingual files of translation tools (XLIFF 1.2 and 2.x, TMX).
//!
//! A monolingual file becomes [`Blocks`]: its paragraphs in reading order, each with the kind its
//! markup gives (a heading style, a `<h2>`, a page's footer) or none, when the paragraph
//! classifier decides as it does for plain text. A bilingual file becomes a [`Bilingual`]: its
//! units, each a source and a target text, which are the two sides of a set and its alignment.

mod bilingual;
mod html;
mod markdown;
mod nesting;
mod office;
mod po;
mod xml;

use std::path::Path;

use crate::classify::ParagraphKind;
use crate::decode::{self, DecodeError};

pub use bilingual::{Bilingual, Unit, primary};
pub use office::paragraph_cap_note;

/// The kind of file an article arrives in (the input format; what the exports write is
/// [`crate::export::Format`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Plain text: paragraphs split at blank lines (or lines).
    Text,
    /// A web page as a browser saves it.
    Html,
    /// Markdown .
    Markdown,
    /// Word (Office Open XML).
    Docx,
    /// ODF text.
    Odt,
    /// XLIFF 1.2 or 2.x (bilingual).
    Xliff,
    /// TMX (bilingual or multilingual translation memory).
    Tmx,
    /// gettext PO (bilingual: `msgid` and `msgstr`).
    Po,
}

impl Kind {
    /// The format of a file, from its extension and, for text, its first bytes (a saved page
    /// without an extension starts with `<!DOCTYPE html` or `<html`).
    pub fn of(path: &Path, bytes: &[u8]) -> Self {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Self::Html,
            "md" | "markdown" => Self::Markdown,
            "docx" => Self::Docx,
            "odt" => Self::Odt,
            "xlf" | "xliff" | "sdlxliff" | "mqxliff" => Self::Xliff,
            "tmx" => Self::Tmx,
            "po" | "pot" => Self::Po,
            _ => {
                let head =
                    String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
                let head = head.trim_start_matches('\u{feff}').trim_start();
                if head.starts_with("<!doctype html") || head.starts_with("<html") {
                    Self::Html
                } else if head.starts_with("<?xml") && head.contains("<xliff") {
                    Self::Xliff
                } else if head.starts_with("<?xml") && head.contains("<tmx") {
                    Self::Tmx
                } else {
                    Self::Text
                }
            }
        }
    }

    /// Whether one file of this format holds both sides of a set.
    pub fn is_bilingual(self) -> bool {
        matches!(self, Self::Xliff | Self::Tmx | Self::Po)
    }

    /// The format in words, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Html => "web page",
            Self::Markdown => "Markdown",
            Self::Docx => "Word document",
            Self::Odt => "OpenDocument text",
            Self::Xliff => "XLIFF",
            Self::Tmx => "TMX",
            Self::Po => "PO",
        }
    }
}

/// One paragraph of a structured document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The paragraph's text, white space collapsed (line breaks the markup asks for kept).
    pub text: String,
    /// The kind the markup gives, or `None` for the classifier to decide between body and
    /// boilerplate.
    pub kind: Option<ParagraphKind>,
}

impl Block {
    fn new(text: &str, kind: Option<ParagraphKind>) -> Option<Self> {
        let text = text
            .lines()
            .map(xml::collapse_spaces)
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        (!text.is_empty()).then_some(Self { text, kind })
    }
}

/// A monolingual document read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocks {
    /// The paragraphs in reading order.
    pub blocks: Vec<Block>,
    /// The encoding the text was read as (`UTF-8` for zip-based formats).
    pub encoding: &'static str,
    /// What the reader had to repair or leave out.
    pub notes: Vec<decode::ReadNote>,
    /// The language the file declares (`<html lang>`, Word's default language), which a
    /// confident detection of the text overrides.
    pub declared_lang: Option<String>,
}

impl Blocks {
    /// All the text, paragraphs separated by blank lines (for language detection).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            out.push_str(&block.text);
            out.push_str("\n\n");
        }
        out
    }
}

/// Read a monolingual structured file (HTML, Markdown, Word, ODF). The error says
/// what is wrong, in words, for a message that also names the file.
pub fn read_blocks(format: Kind, bytes: &[u8]) -> Result<Blocks, String> {
    let blocks = match format {
        Kind::Html => html::read(bytes)?,
        Kind::Markdown => {
            let text = decoded(bytes)?;
            Blocks {
                blocks: markdown::read(&text.text),
                encoding: text.encoding,
                notes: text.notes,
                declared_lang: None,
            }
        }
        Kind::Docx => office::read_docx(bytes)?,
        Kind::Odt => office::read_odt(bytes)?,
        Kind::Text | Kind::Xliff | Kind::Tmx | Kind::Po => {
            unreachable!("plain text and bilingual files are read elsewhere")
        }
    };
    if blocks.blocks.is_empty() {
        return Err(format!("no text found in this {}", format.describe()));
    }
    let mut blocks = blocks;
    if blocks.blocks.len() > crate::input::MAX_PARAGRAPHS {
        blocks.blocks.truncate(crate::input::MAX_PARAGRAPHS);
        blocks.notes.push(office::paragraph_cap_note());
    }
    Ok(blocks)
}

/// Read a bilingual file (XLIFF, TMX, PO).
pub fn read_bilingual(format: Kind, bytes: &[u8]) -> Result<Bilingual, String> {
    let text = decoded(bytes)?;
    let mut bilingual = match format {
        Kind::Xliff => bilingual::read_xliff(&text.text)?,
        Kind::Tmx => bilingual::read_tmx(&text.text)?,
        Kind::Po => po::read_po(&text.text)?,
        _ => unreachable!("only XLIFF, TMX and PO are bilingual"),
    };
    bilingual.encoding = text.encoding;
    bilingual.notes.splice(0..0, text.notes);
    if bilingual.units.is_empty() {
        return Err(format!(
            "no translation units with text in this {} file",
            format.describe()
        ));
    }
    Ok(bilingual)
}

/// Decode plain text, the problem in words for a message that names the file.
pub(crate) fn decoded(bytes: &[u8]) -> Result<decode::DecodedText, String> {
    decode::decode(bytes).map_err(|err| match err {
        DecodeError::Empty => "the file is empty".to_owned(),
        DecodeError::Binary => "not a text file (binary data)".to_owned(),
    })
}
