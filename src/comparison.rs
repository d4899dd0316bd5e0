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
use crate::review::{self, History, ReviewFile, RowReview, SavedRow, Snapshot, Status};
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
    /// The review of each row (same length as `rows`).
    pub reviews: Vec<RowReview>,
    /// The rows were edited by hand.
    pub alignment_edited: bool,
    /// Reviews from the review file that could not be placed on the current texts.
    pub unplaced: Vec<SavedRow>,
    /// Undo and redo of review edits.
    pub history: History,
    /// The row whose note is being typed: keystrokes in one note are one undo step.
    note_in_progress: Option<usize>,
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
    /// Figure mismatches between the two sides, not counting accepted ones.
    pub mismatches: usize,
    /// Findings (mismatches and coverage conflicts) accepted by the reviewer.
    pub accepted: usize,
    /// Mismatches accepted by the reviewer (not in `mismatches`).
    pub accepted_mismatches: usize,
    /// Coverage conflicts, not counting accepted ones.
    pub conflicts: usize,
    /// Rows per review status: unreviewed, ok, needs fix, question.
    pub statuses: [usize; 4],
    /// Rows with a note.
    pub notes: usize,
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
        let reviews = vec![RowReview::default(); rows.len()];
        Self {
            set,
            rows,
            mismatches,
            links,
            reviews,
            alignment_edited: false,
            unplaced: Vec::new(),
            history: History::default(),
            note_in_progress: None,
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
            rows_with_mismatches: (0..self.rows.len())
                .filter(|&row| self.open_mismatches(row).next().is_some())
                .count(),
            ..Stats::default()
        };
        for row in 0..self.rows.len() {
            let open = self.open_mismatches(row).count();
            stats.mismatches += open;
            stats.accepted_mismatches += self.mismatches[row].len() - open;
            stats.conflicts += self.open_conflicts(row).count();
            let review = &self.reviews[row];
            stats.accepted += review.accepted.len();
            let status_idx = Status::ALL
                .iter()
                .position(|s| *s == review.status)
                .unwrap_or(0);
            stats.statuses[status_idx] += 1;
            if !review.note.trim().is_empty() {
                stats.notes += 1;
            }
        }
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

    /// A row whose paragraphs are all boilerplate.
    pub fn is_boilerplate_row(&self, row_idx: usize) -> bool {
        let row = &self.rows[row_idx];
        row.left
            .iter()
            .map(|&i| self.set.left().paragraphs[i].kind)
            .chain(
                row.right
                    .iter()
                    .map(|&i| self.set.right().paragraphs[i].kind),
            )
            .all(|kind| kind == ParagraphKind::Boilerplate)
    }

    /// Rows with at least one mismatch that is not accepted, ascending.
    pub fn mismatch_rows(&self) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&idx| self.open_mismatches(idx).next().is_some())
            .collect()
    }

    /// Whether a mismatch of a row is accepted by the reviewer.
    pub fn is_accepted(&self, row: usize, mismatch: &Mismatch) -> bool {
        self.reviews[row].is_accepted(&review::mismatch_key(&mismatch.reason))
    }

    /// The mismatches of a row that are not accepted.
    pub fn open_mismatches(&self, row: usize) -> impl Iterator<Item = &Mismatch> {
        self.mismatches[row]
            .iter()
            .filter(move |m| !self.is_accepted(row, m))
    }

    /// The key of a coverage conflict of a link of a row.
    pub fn conflict_key(&self, link: &Link, conflict: &crate::link::FigureConflict) -> String {
        review::conflict_key(
            &self.set.documents[link.document].id,
            link.paragraph,
            &conflict.reason,
        )
    }

    /// The coverage conflicts of a row that are not accepted.
    pub fn open_conflicts(
        &self,
        row: usize,
    ) -> impl Iterator<Item = (&Link, &crate::link::FigureConflict)> {
        self.links[row].iter().flat_map(move |link| {
            link.figures_conflict
                .iter()
                .filter(move |c| !self.reviews[row].is_accepted(&self.conflict_key(link, c)))
                .map(move |c| (link, c))
        })
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            rows: self.rows.clone(),
            reviews: self.reviews.clone(),
        }
    }

    /// Set the note of a row as it is typed: one undo step per note, not per keystroke.
    pub fn edit_note(&mut self, row: usize, note: &str) {
        if self.reviews.get(row).is_none_or(|r| r.note == note) {
            return;
        }
        if self.note_in_progress != Some(row) {
            self.history.record(self.snapshot());
            self.note_in_progress = Some(row);
        }
        self.reviews[row].note = note.to_owned();
    }

    /// Change the review of a row (status, note, accepted findings); undoable.
    pub fn edit_review(&mut self, row: usize, change: impl FnOnce(&mut RowReview)) {
        self.note_in_progress = None;
        let before = self.snapshot();
        let Some(review) = self.reviews.get_mut(row) else {
            return;
        };
        let old = review.clone();
        change(review);
        if *review != old {
            self.history.record(before);
        }
    }

    /// Apply a manual alignment edit (see [`review::edit`]); figures and links of the changed
    /// rows are compared again. Returns false when the edit does not apply.
    pub fn edit_alignment(
        &mut self,
        edit: impl FnOnce(&mut Vec<Row>, &mut Vec<RowReview>) -> Option<Vec<usize>>,
    ) -> bool {
        self.note_in_progress = None;
        let before = self.snapshot();
        let mut rows = self.rows.clone();
        let mut reviews = self.reviews.clone();
        if edit(&mut rows, &mut reviews).is_none() {
            return false;
        }
        self.history.record(before);
        self.replace_rows(rows, reviews);
        self.alignment_edited = true;
        true
    }

    /// Undo the last review edit; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.note_in_progress = None;
        let current = self.snapshot();
        match self.history.undo(current) {
            Some(previous) => {
                self.replace_rows(previous.rows, previous.reviews);
                true
            }
            None => false,
        }
    }

    /// Redo the last undone edit; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.note_in_progress = None;
        let current = self.snapshot();
        match self.history.redo(current) {
            Some(next) => {
                self.replace_rows(next.rows, next.reviews);
                true
            }
            None => false,
        }
    }

    /// Put new rows in place, keeping the analysis of rows that did not change.
    fn replace_rows(&mut self, rows: Vec<Row>, reviews: Vec<RowReview>) {
        let mut known: std::collections::HashMap<&Row, usize> = std::collections::HashMap::new();
        for (idx, row) in self.rows.iter().enumerate() {
            known.insert(row, idx);
        }
        let changed: Vec<usize> = (0..rows.len())
            .filter(|idx| !known.contains_key(&rows[*idx]))
            .collect();
        let changed_rows: Vec<Row> = changed.iter().map(|&idx| rows[idx].clone()).collect();
        let mut new_links = link::link_rows(&self.set, &changed_rows).into_iter();
        let mut mismatches = Vec::with_capacity(rows.len());
        let mut links = Vec::with_capacity(rows.len());
        for row in &rows {
            match known.get(row) {
                Some(&old) => {
                    mismatches.push(self.mismatches[old].clone());
                    links.push(self.links[old].clone());
                }
                None => {
                    mismatches.push(compare_row(&self.set, row));
                    links.push(new_links.next().unwrap_or_default());
                }
            }
        }
        self.rows = rows;
        self.reviews = reviews;
        self.mismatches = mismatches;
        self.links = links;
    }

    /// The review file for the current state.
    pub fn review_file(&self) -> ReviewFile {
        review::to_file(
            &self.set,
            &self.rows,
            &self.reviews,
            self.alignment_edited,
            &self.unplaced,
        )
    }

    /// Restore a review file; returns messages for the user.
    pub fn restore_review(&mut self, file: &ReviewFile) -> Vec<String> {
        let restored = review::restore(file, &self.set, &self.rows);
        if let Some(rows) = restored.rows {
            let reviews = vec![RowReview::default(); rows.len()];
            self.replace_rows(rows, reviews);
            self.alignment_edited = true;
        }
        self.reviews = restored.reviews;
        self.unplaced = restored.unplaced;
        self.history = History::default();
        restored.messages
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
