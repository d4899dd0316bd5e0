//! The comparison: an article set, its aligned rows, and what was found in them.
//!
//! - this file: the analysed set and how it is built ([`Comparison::build`]);
//! - `rows`: the rows of a pair (alignment, and its passes over chrome and unrelated pairs)
//!   and the figure comparison of a row;
//! - `query`: findings of every kind, stats, filters, moves, doubts: what the window and every
//!   export read;
//! - `marks`: which figure is marked, and why ([`Comparison::figure_marks`]), for the window
//!   and every export;
//! - `edit`: review and alignment edits, with undo and redo;
//! - `persist`: the review file, its restore, and swapping the sides.
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

mod edit;
mod marks;
mod persist;
mod query;
mod rows;

use std::sync::Arc;

use crate::align::Moved;
use crate::figures::compare::Mismatch;
use crate::link::{FigureConflict, Link, Linker};
use crate::progress::{Cancelled, Progress, Stage};
use crate::review::{self, History, ReviewFilter, RowReview, SavedRow};
use crate::row::Row;
use crate::set::{ArticleSet, LoadWarning, Loaded};

pub use marks::Mark;
use persist::unit_review;
pub use persist::{SavedReview, Swap};
pub use rows::{align_documents, align_documents_with_moves, compare_row};
use rows::{compare_sides, moved_rows, pair_chrome_with_body, split_unrelated_pairs};

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
    /// The review of each row (same length as `rows`).
    pub reviews: Vec<RowReview>,
    /// The rows were edited by hand.
    pub alignment_edited: bool,
    /// Reviews from the review file that could not be placed on the current texts.
    pub unplaced: Vec<SavedRow>,
    /// Undo and redo of review edits.
    pub history: History,
    /// Problems met while loading.
    pub warnings: Vec<LoadWarning>,
    /// What linking read of the set (none without coverage): alignment edits link their new
    /// rows with it.
    linker: Option<Arc<Linker>>,
    /// Paragraphs moved by the translator: unmatched on both sides, the same text.
    moved: Vec<Moved>,
    /// For every row, the row its moved paragraph went to or came from.
    moved_rows: Vec<Option<usize>>,
}

/// Counts for the status bar, the review panel, `check` and every export: all of them count
/// findings the same way (open = not accepted by the reviewer).
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
    /// Open figure mismatches between the two sides.
    pub mismatches: usize,
    /// Open coverage conflicts.
    pub conflicts: usize,
    /// Open untranslated units (units of a bilingual file with no target).
    pub untranslated: usize,
    /// Mismatches and untranslated units accepted by the reviewer (not in `mismatches`).
    pub accepted_mismatches: usize,
    /// Coverage conflicts accepted by the reviewer (not in `conflicts`).
    pub accepted_conflicts: usize,
    /// Accepted findings of both kinds.
    pub accepted: usize,
    /// Rows with at least one open finding.
    pub rows_with_findings: usize,
    /// Coverage links.
    pub links: usize,
    /// Rows per review status, in the order of [`crate::review::Status::ALL`].
    pub statuses: [usize; 4],
    /// Rows with a note.
    pub notes: usize,
}

/// A finding of a row: figures of the two renderings that disagree, or a coverage source that
/// reports a figure of the row differently.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Finding<'a> {
    /// A figure mismatch between the left and right renderings.
    Mismatch(&'a Mismatch),
    /// A figure conflict between the row and a linked coverage paragraph.
    Conflict(&'a Link, &'a FigureConflict),
    /// A unit of a bilingual file (XLIFF, TMX, PO) with no translation: its id.
    Untranslated(&'a str),
}

impl Finding<'_> {
    /// The key the review keeps when the finding is accepted (stable across reloads).
    pub fn key(&self, set: &ArticleSet) -> String {
        match self {
            Self::Mismatch(mismatch) => review::mismatch_key(&mismatch.reason),
            Self::Conflict(link, conflict) => review::conflict_key(
                &set.documents[link.document].id,
                link.paragraph,
                &conflict.reason,
            ),
            Self::Untranslated(_) => review::UNTRANSLATED_KEY.to_owned(),
        }
    }

    /// The finding in words: a mismatch's reason, or a conflict with the coverage paragraph it
    /// is about ("German news ¶4: 16.2 × 10⁹ USD here, 16.6 × 10⁹ USD in German news").
    pub fn describe(&self, set: &ArticleSet) -> String {
        match self {
            Self::Mismatch(mismatch) => mismatch.reason.clone(),
            Self::Conflict(link, conflict) => format!(
                "{} ¶{}: {}",
                set.documents[link.document].label, link.paragraph, conflict.reason
            ),
            Self::Untranslated(unit) => format!("unit {unit} has no translation"),
        }
    }

    /// A coverage conflict (a finding about sources), not a translation mismatch.
    pub fn is_conflict(&self) -> bool {
        matches!(self, Self::Conflict(..))
    }
}

/// Which findings a row must have to be shown or exported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FindingFilter {
    /// Every row.
    #[default]
    Any,
    /// Rows with an open translation finding (a figure mismatch, an untranslated unit).
    OpenMismatches,
    /// Rows with an open finding (mismatch or coverage conflict).
    OpenFindings,
    /// Rows with an open finding, or with a review (status, note, accepted finding).
    OpenFindingsOrReviewed,
}

/// Which rows to show or export: one vocabulary for the window and the exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowFilter {
    /// Include rows of only boilerplate.
    pub include_boilerplate: bool,
    /// Which findings a row must have.
    pub findings: FindingFilter,
    /// Which reviews a row must have.
    pub review: ReviewFilter,
}

impl Default for RowFilter {
    fn default() -> Self {
        Self::ALL
    }
}

impl RowFilter {
    /// Every row.
    pub const ALL: Self = Self {
        include_boilerplate: true,
        findings: FindingFilter::Any,
        review: ReviewFilter::All,
    };

    /// Whether row `row` of `comparison` passes.
    pub fn keeps(&self, comparison: &Comparison, row: usize) -> bool {
        if !self.include_boilerplate && comparison.is_boilerplate_row(row) {
            return false;
        }
        let findings = match self.findings {
            FindingFilter::Any => true,
            FindingFilter::OpenMismatches => comparison.has_open_translation_findings(row),
            FindingFilter::OpenFindings => comparison.has_open_findings(row),
            FindingFilter::OpenFindingsOrReviewed => {
                comparison.has_open_findings(row) || !comparison.reviews[row].is_empty()
            }
        };
        findings && self.review.keeps(&comparison.reviews[row])
    }
}

impl Comparison {
    /// Align a loaded set and analyse it.
    pub fn build(loaded: Loaded) -> Self {
        match Self::build_with(loaded, &Progress::new()) {
            Ok(comparison) => comparison,
            Err(Cancelled) => unreachable!("nobody else holds this progress to cancel it"),
        }
    }

    /// [`build`](Self::build), reporting to `progress` and stopping between stages when it is
    /// cancelled.
    pub fn build_with(loaded: Loaded, progress: &Progress) -> Result<Self, Cancelled> {
        let Loaded { set, warnings } = loaded;
        progress.start(Stage::Aligning, 0)?;
        // Linking reads the set while the rows are aligned: neither needs the other until the
        // lexicon is learned from the rows.
        let (rows, moved, linker) = std::thread::scope(|scope| {
            let linker = (!set.coverage().is_empty()).then(|| scope.spawn(|| Linker::new(&set)));
            let (rows, moved) = match &set.given {
                Some(given) => (given.rows.clone(), Vec::new()),
                None => {
                    let (mut rows, moved) = align_documents_with_moves(set.left(), set.right());
                    pair_chrome_with_body(&set, &mut rows);
                    split_unrelated_pairs(&set, &mut rows);
                    (rows, moved)
                }
            };
            let linker = linker.map(|handle| match handle.join() {
                Ok(linker) => linker,
                Err(panic) => std::panic::resume_unwind(panic),
            });
            (rows, moved, linker)
        });
        progress.start(Stage::Comparing, 0)?;
        let mismatches = crate::thread_map::map(&rows, |row| compare_row(&set, row));
        progress.start(Stage::Linking, rows.len())?;
        let linker = linker.map(|mut linker| {
            linker.learn(&rows);
            Arc::new(linker)
        });
        let links = match &linker {
            Some(linker) => linker.link_rows_with(&set, &rows, progress)?,
            None => vec![Vec::new(); rows.len()],
        };
        let reviews = match &set.given {
            Some(given) => given.units.iter().map(unit_review).collect(),
            None => vec![RowReview::default(); rows.len()],
        };
        let moved_rows = moved_rows(&rows, &moved);
        Ok(Self {
            set,
            rows,
            mismatches,
            links,
            reviews,
            alignment_edited: false,
            unplaced: Vec::new(),
            history: History::default(),
            warnings,
            linker,
            moved_rows,
            moved,
        })
    }
}
