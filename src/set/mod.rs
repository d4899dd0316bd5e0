//! Article sets: two renderings to compare (left, right) plus any number of coverage documents.
//!
//! A set is read from a manifest (`set.json`), from a folder (through its `set.json` when it has
//! one), or from files given directly. Without a manifest the two documents that are most likely
//! renderings of each other become left and right (see [`choose_pair`]; files named one by one are
//! left and right in the order given) and the rest is coverage.
//!
//! Loading follows the reporter pattern: a file that cannot be read is reported as a
//! [`LoadWarning`] naming the file and the problem while the rest of the set loads; only a set
//! that cannot be compared at all (no manifest, no left or right, fewer than two documents) is a
//! [`LoadError`].
//!
//! ```
//! let loaded = parallel_reader::set::bundled();
//! assert_eq!(loaded.set.left().lang, "sv");
//! assert_eq!(loaded.set.right().lang, "nl");
//! assert_eq!(loaded.set.coverage().len(), 3);
//! ```

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::classify::{self, ParagraphKind};
use crate::decode;
use crate::figures::FigureRef;
use crate::figures::{self, Figure};
use crate::formats;
use crate::row::Row;
use crate::side::Side;

mod load;
mod pair;

pub use crate::formats::Unit;
pub use load::{
    LoadError, LoadOptions, MANIFEST_NAME, Manifest, ManifestEntry, bundled, bundled_files, load,
    load_with, load_with_options,
};
pub use pair::choose_pair;

/// Which part a document plays in a set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The rendering shown on the left.
    Left,
    /// The rendering shown on the right.
    Right,
    /// Related coverage of the same story.
    Coverage,
}

impl Role {
    /// The lower-case name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Left => "left",
            Self::Right => "right",
            Self::Coverage => "coverage",
        }
    }

    /// The side a rendering is shown on; `None` for coverage.
    pub fn side(self) -> Option<Side> {
        match self {
            Self::Left => Some(Side::Left),
            Self::Right => Some(Side::Right),
            Self::Coverage => None,
        }
    }
}

impl From<Side> for Role {
    fn from(side: Side) -> Self {
        match side {
            Side::Left => Self::Left,
            Side::Right => Self::Right,
        }
    }
}

/// One paragraph of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    /// 0-based position in the document's paragraph list.
    pub index: usize,
    /// Heading, body or boilerplate.
    pub kind: ParagraphKind,
    /// The trimmed text.
    pub text: String,
    /// The figures read in the text, in order.
    pub figures: Vec<Figure>,
    /// The id of the translation unit it comes from (sets read from XLIFF or TMX).
    pub unit: Option<String>,
}

impl Paragraph {
    /// Number the paragraphs and read their figures.
    fn read_all(
        paragraphs: impl Iterator<Item = (String, ParagraphKind)>,
        lang: &str,
    ) -> Vec<Self> {
        paragraphs
            .enumerate()
            .map(|(index, (text, kind))| Self {
                index,
                kind,
                figures: figures::extract(&text, lang),
                text,
                unit: None,
            })
            .collect()
    }
}

/// One document of a set.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// A short id unique in the set (the file stem).
    pub id: String,
    /// Left, right or coverage.
    pub role: Role,
    /// Language code (`sv`, `nl`, …) as given or detected.
    pub lang: String,
    /// Display label.
    pub label: String,
    /// Where the text came from.
    pub path: PathBuf,
    /// The encoding the file was read as.
    pub encoding: &'static str,
    /// The paragraphs in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// What reading the file had to repair or leave out (reported as load warnings).
    pub notes: Vec<decode::ReadNote>,
}

impl Document {
    /// Build a document in `lang` from decoded text: split paragraphs and classify them. The
    /// language is decided once, by the caller (loading detects it for the whole set at once).
    pub fn from_text(
        id: String,
        role: Role,
        lang: String,
        label: String,
        path: PathBuf,
        text: &decode::DecodedText,
    ) -> Self {
        let mut texts = classify::split_paragraphs(&text.text);
        let mut notes = text.notes.clone();
        if texts.len() > crate::input::MAX_PARAGRAPHS {
            texts.truncate(crate::input::MAX_PARAGRAPHS);
            notes.push(formats::paragraph_cap_note());
        }
        let kinds = classify::kinds(&texts);
        let paragraphs = Paragraph::read_all(texts.into_iter().zip(kinds), &lang);
        Self {
            id,
            role,
            lang,
            label,
            path,
            encoding: text.encoding,
            paragraphs,
            notes,
        }
    }

    /// Build a document from the paragraphs of a structured file: the kinds its markup gives
    /// are kept; the classifier decides the rest between body and boilerplate (headings come
    /// from the markup only).
    pub fn from_blocks(
        id: String,
        role: Role,
        lang: String,
        label: String,
        path: PathBuf,
        blocks: &formats::Blocks,
    ) -> Self {
        // The classifier reads the whole document; files whose markup gives every kind
        // (Markdown, Word, bilingual units) need none of it.
        let kinds = if blocks.blocks.iter().all(|b| b.kind.is_some()) {
            vec![ParagraphKind::Body; blocks.blocks.len()]
        } else {
            let texts: Vec<&str> = blocks.blocks.iter().map(|b| b.text.as_str()).collect();
            classify::kinds(&texts)
        };
        let marked = blocks.blocks.iter().zip(kinds).map(|(block, classified)| {
            let kind = block.kind.unwrap_or(match classified {
                ParagraphKind::Heading => ParagraphKind::Body,
                kind => kind,
            });
            (block.text.clone(), kind)
        });
        let paragraphs = Paragraph::read_all(marked, &lang);
        Self {
            id,
            role,
            lang,
            label,
            path,
            encoding: blocks.encoding,
            paragraphs,
            notes: blocks.notes.clone(),
        }
    }

    /// The figure at `at`.
    pub fn figure(&self, at: FigureRef) -> &Figure {
        &self.paragraphs[at.paragraph].figures[at.figure]
    }

    /// The first heading, or the start of the first paragraph: a title for display.
    pub fn headline(&self) -> String {
        let paragraph = self
            .paragraphs
            .iter()
            .find(|p| p.kind == ParagraphKind::Heading)
            .or_else(|| {
                self.paragraphs
                    .iter()
                    .find(|p| p.kind == ParagraphKind::Body)
            })
            .or(self.paragraphs.first());
        paragraph.map_or_else(String::new, |p| crate::words::elided(&p.text, 100))
    }
}

/// Where a set was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetSource {
    /// The example set built into the binary.
    Bundled,
    /// A `set.json` manifest.
    Manifest(PathBuf),
    /// A folder without a manifest.
    Folder(PathBuf),
    /// Files given one by one.
    Files(Vec<PathBuf>),
}

impl SetSource {
    /// The paths to give [`load`] to read this set again (empty for the bundled set).
    pub fn paths(&self) -> Vec<PathBuf> {
        match self {
            Self::Bundled => Vec::new(),
            Self::Manifest(path) | Self::Folder(path) => vec![path.clone()],
            Self::Files(paths) => paths.clone(),
        }
    }
}

/// An article set: `documents[0]` is left, `documents[1]` right, the rest coverage.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleSet {
    /// The set's title.
    pub title: String,
    /// Where it was read from.
    pub source: SetSource,
    /// Left, right, then coverage.
    pub documents: Vec<Document>,
    /// The alignment the file gives (XLIFF, TMX), taken as it is.
    pub given: Option<GivenAlignment>,
}

/// The alignment of a bilingual file: one row per unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GivenAlignment {
    /// The file's format: "XLIFF 1.2", "TMX 1.4".
    pub format: String,
    /// One row per unit, in the file's order.
    pub rows: Vec<Row>,
    /// The units of the rows: id, translation state and notes.
    pub units: Vec<Unit>,
    /// The ids of the units marked not to be translated, sorted.
    pub locked_units: Vec<String>,
}

impl ArticleSet {
    /// The left rendering.
    pub fn left(&self) -> &Document {
        &self.documents[0]
    }

    /// The right rendering.
    pub fn right(&self) -> &Document {
        &self.documents[1]
    }

    /// The rendering on `side`.
    pub fn side(&self, side: Side) -> &Document {
        &self.documents[side.document_index()]
    }

    /// The coverage documents.
    pub fn coverage(&self) -> &[Document] {
        &self.documents[2..]
    }

    /// Whether a row is a unit of a bilingual file marked not to be translated (shown, never
    /// checked).
    pub fn is_locked(&self, row: &Row) -> bool {
        let Some(given) = &self.given else {
            return false;
        };
        if given.locked_units.is_empty() {
            return false;
        }
        let left = self.left();
        !row.left.is_empty()
            && row.left.iter().all(|&p| {
                left.paragraphs[p]
                    .unit
                    .as_ref()
                    .is_some_and(|unit| given.locked_units.binary_search(unit).is_ok())
            })
    }

    /// The same set with left and right exchanged (a given alignment turned with them).
    pub fn swapped(&self) -> Self {
        let mut set = self.clone();
        set.documents.swap(0, 1);
        set.documents[0].role = Role::Left;
        set.documents[1].role = Role::Right;
        if let Some(given) = &mut set.given {
            for row in &mut given.rows {
                std::mem::swap(&mut row.left, &mut row.right);
            }
        }
        set
    }
}

/// A problem with one file that did not stop the set from loading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadWarning {
    /// What is wrong.
    pub problem: String,
    /// The file it is about.
    pub path: PathBuf,
    /// Whether the file was left out, read in part, or read whole with a repair.
    pub kind: WarningKind,
}

/// How much of a file a [`LoadWarning`] cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningKind {
    /// The file could not be read and is not in the set.
    Skipped,
    /// Only part of the file was read (it was over a size cap).
    Partial,
    /// The file was read whole, with something repaired or decided against what it says
    /// (stray bytes replaced, a declared language that its text contradicts).
    Repaired,
}

impl LoadWarning {
    /// The warnings of a document's read notes.
    pub fn of_notes(document: &Document) -> impl Iterator<Item = Self> + '_ {
        document.notes.iter().map(|note| Self {
            problem: note.text.clone(),
            path: document.path.clone(),
            kind: if note.cut {
                WarningKind::Partial
            } else {
                WarningKind::Repaired
            },
        })
    }

    /// A file that was left out.
    pub fn skipped(problem: String, path: PathBuf) -> Self {
        Self {
            problem,
            path,
            kind: WarningKind::Skipped,
        }
    }

    /// Whether the set lacks something of the file (a `check` or an export then exits 2);
    /// a repair is reported but the file is whole.
    pub fn is_problem(&self) -> bool {
        self.kind != WarningKind::Repaired
    }
}

impl fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.problem, self.path.display())
    }
}

/// A set that loaded, with the problems met on the way.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The set.
    pub set: ArticleSet,
    /// Files skipped or read with problems, in the order met.
    pub warnings: Vec<LoadWarning>,
}
