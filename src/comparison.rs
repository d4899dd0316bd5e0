//! The comparison: an article set, its aligned rows, and what was found in them.
//!
//! [`Comparison::build`] runs every analysis once, when a set is loaded; the window and the
//! exports only read the result.
//!
//! ```
//! use parallel_reader::comparison::Comparison;
//! let comparison = Comparison::build(parallel_reader::set::bundled());
//! assert_eq!(comparison.rows.len(), 129);
//! assert_eq!(comparison.stats().unmatched_paragraphs, 0);
//! ```

use crate::align::{self, Block, Row};
use crate::set::{ArticleSet, Document, LoadWarning, Loaded};

/// An analysed article set.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// The set.
    pub set: ArticleSet,
    /// Aligned rows, in reading order, covering every left and right paragraph once.
    pub rows: Vec<Row>,
    /// Problems met while loading.
    pub warnings: Vec<LoadWarning>,
}

/// Counts for the status bar and reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Aligned rows.
    pub rows: usize,
    /// Rows joining one paragraph on each side.
    pub one_to_one: usize,
    /// Rows that merge several paragraphs on one side.
    pub merged: usize,
    /// Paragraphs (either side) with no counterpart.
    pub unmatched_paragraphs: usize,
}

impl Comparison {
    /// Align a loaded set and analyse it.
    pub fn build(loaded: Loaded) -> Self {
        let Loaded { set, warnings } = loaded;
        let rows = align_documents(set.left(), set.right());
        Self {
            set,
            rows,
            warnings,
        }
    }

    /// Counts of rows and unmatched paragraphs.
    pub fn stats(&self) -> Stats {
        let mut stats = Stats {
            rows: self.rows.len(),
            ..Stats::default()
        };
        for row in &self.rows {
            if row.is_unmatched() {
                stats.unmatched_paragraphs += row.left.len() + row.right.len();
            } else if row.left.len() == 1 && row.right.len() == 1 {
                stats.one_to_one += 1;
            } else {
                stats.merged += 1;
            }
        }
        stats
    }
}

/// Align the paragraphs of two documents.
pub fn align_documents(left: &Document, right: &Document) -> Vec<Row> {
    fn blocks(doc: &Document) -> Vec<Block<'_>> {
        doc.paragraphs
            .iter()
            .map(|p| Block::new(&p.text, p.kind))
            .collect()
    }
    align::align(&blocks(left), &blocks(right))
}
