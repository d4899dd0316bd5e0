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
use crate::compare::{self, Mismatch, SideFigures};
use crate::lang;
use crate::link::{self, Link};
use crate::paragraph::ParagraphKind;
use crate::set::{ArticleSet, Document, LoadWarning, Loaded};

/// An analysed article set.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// The set.
    pub set: ArticleSet,
    /// Aligned rows, in reading order, covering every left and right paragraph once.
    pub rows: Vec<Row>,
    /// Figure mismatches of each row (same length as `rows`).
    pub mismatches: Vec<Vec<Mismatch>>,
    /// Links of each row to coverage paragraphs, best first (same length as `rows`).
    pub links: Vec<Vec<Link>>,
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
    /// Figures read in the left and right documents.
    pub figures: usize,
    /// Figure mismatches between the two sides.
    pub mismatches: usize,
    /// Rows with at least one mismatch.
    pub rows_with_mismatches: usize,
}

impl Comparison {
    /// Align a loaded set and analyse it.
    pub fn build(loaded: Loaded) -> Self {
        let Loaded { set, warnings } = loaded;
        let rows = align_documents(set.left(), set.right());
        let mismatches = rows.iter().map(|row| compare_row(&set, row)).collect();
        let links = link::link_rows(&set, &rows);
        Self {
            set,
            rows,
            mismatches,
            links,
            warnings,
        }
    }

    /// Counts of rows and unmatched paragraphs.
    pub fn stats(&self) -> Stats {
        let mut stats = Stats {
            rows: self.rows.len(),
            figures: [self.set.left(), self.set.right()]
                .iter()
                .flat_map(|doc| &doc.paragraphs)
                .map(|p| p.figures.len())
                .sum(),
            mismatches: self.mismatches.iter().map(Vec::len).sum(),
            rows_with_mismatches: self.mismatches.iter().filter(|m| !m.is_empty()).count(),
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

impl Comparison {
    /// Compare the figures of row `row_idx` again (after the row changed).
    pub fn recompare_row(&mut self, row_idx: usize) {
        let mismatches = compare_row(&self.set, &self.rows[row_idx]);
        self.mismatches[row_idx] = mismatches;
    }

    /// Rows with at least one mismatch, ascending.
    pub fn mismatch_rows(&self) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&idx| !self.mismatches[idx].is_empty())
            .collect()
    }
}

/// Compare the figures of a row's two sides. Boilerplate is read but not compared.
pub fn compare_row(set: &ArticleSet, row: &Row) -> Vec<Mismatch> {
    let left_name = lang::name(&set.left().lang);
    let right_name = lang::name(&set.right().lang);
    fn side<'a>(lang_name: &'a str, doc: &'a Document, indices: &[usize]) -> SideFigures<'a> {
        SideFigures {
            lang_name,
            paragraphs: indices
                .iter()
                .map(|&idx| &doc.paragraphs[idx])
                .filter(|p| p.kind != ParagraphKind::Boilerplate)
                .map(|p| (p.index, p.figures.as_slice()))
                .collect(),
        }
    }
    let left = side(&left_name, set.left(), &row.left);
    let right = side(&right_name, set.right(), &row.right);
    // A paragraph with no counterpart at all is shown as unmatched; its figures are not
    // reported once more each.
    if row.is_unmatched() {
        return Vec::new();
    }
    compare::compare(&left, &right)
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
