//! JSON export, schema `parallel-reader/comparison/1`.
//!
//! ```text
//! {"schema": "parallel-reader/comparison/1", "title": "...",
//!  "documents": [{"id", "role": "left|right|coverage", "lang", "label", "path", "encoding",
//!                 "paragraphs": [{"index", "kind": "heading|body|boilerplate", "text", "figures": []}]}],
//!  "rows": [{"left": [0], "right": [0], "mismatches": [], "links": []}],
//!  "warnings": ["..."]}
//! ```
//! Field names are stable; later versions only add fields.

use std::io;

use serde::{Deserialize, Serialize};

use crate::comparison::Comparison;

/// The schema name written into every export.
pub const SCHEMA: &str = "parallel-reader/comparison/1";

/// The whole export.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ComparisonJson {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The set's title.
    pub title: String,
    /// Left, right, then coverage.
    pub documents: Vec<DocumentJson>,
    /// Aligned rows in reading order.
    pub rows: Vec<RowJson>,
    /// Load warnings.
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// One document.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DocumentJson {
    /// Unique id in the set.
    pub id: String,
    /// `left`, `right` or `coverage`.
    pub role: String,
    /// Language code.
    pub lang: String,
    /// Display label.
    pub label: String,
    /// Source path.
    pub path: String,
    /// Encoding the file was read as.
    #[serde(default)]
    pub encoding: String,
    /// Paragraphs in order.
    pub paragraphs: Vec<ParagraphJson>,
}

/// One paragraph.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ParagraphJson {
    /// 0-based position.
    pub index: usize,
    /// `heading`, `body` or `boilerplate`.
    pub kind: String,
    /// The text.
    pub text: String,
    /// Figures in the text.
    pub figures: Vec<serde_json::Value>,
}

/// One aligned row.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RowJson {
    /// Left paragraph indices.
    pub left: Vec<usize>,
    /// Right paragraph indices.
    pub right: Vec<usize>,
    /// Figure mismatches between the two sides.
    pub mismatches: Vec<serde_json::Value>,
    /// Links to coverage paragraphs.
    pub links: Vec<serde_json::Value>,
}

/// Build the export's data model.
pub fn to_json(comparison: &Comparison) -> ComparisonJson {
    let documents = comparison
        .set
        .documents
        .iter()
        .map(|doc| DocumentJson {
            id: doc.id.clone(),
            role: doc.role.as_str().to_owned(),
            lang: doc.lang.clone(),
            label: doc.label.clone(),
            path: doc.path.display().to_string(),
            encoding: doc.encoding.to_owned(),
            paragraphs: doc
                .paragraphs
                .iter()
                .map(|p| ParagraphJson {
                    index: p.index,
                    kind: p.kind.as_str().to_owned(),
                    text: p.text.clone(),
                    figures: Vec::new(),
                })
                .collect(),
        })
        .collect();
    let rows = comparison
        .rows
        .iter()
        .map(|row| RowJson {
            left: row.left.clone(),
            right: row.right.clone(),
            mismatches: Vec::new(),
            links: Vec::new(),
        })
        .collect();
    ComparisonJson {
        schema: SCHEMA.to_owned(),
        title: comparison.set.title.clone(),
        documents,
        rows,
        warnings: comparison
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect(),
    }
}

/// Write the export as pretty-printed JSON.
pub fn write(comparison: &Comparison, out: &mut dyn io::Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_json(comparison))?;
    out.write_all(b"\n")
}
