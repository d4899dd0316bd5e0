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

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::align::{self, Block, Moved, Row};
use crate::figures::compare::{self, Mismatch, SideFigures};
use crate::link::{FigureConflict, Link, Linker};
use crate::paragraph::ParagraphKind;
use crate::progress::{Cancelled, Progress, Stage};
use crate::review::{
    self, History, ReviewFile, ReviewFilter, RowReview, SavedRow, Snapshot, Status,
};
use crate::set::{ArticleSet, Document, LoadWarning, Loaded};
use crate::side::Side;

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
    /// Rows per review status, in the order of [`Status::ALL`].
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
        let mismatches = crate::parallel::map(&rows, |row| compare_row(&set, row));
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
            note_in_progress: None,
            warnings,
            linker,
            moved_rows,
            moved,
        })
    }

    /// The counts every view of the comparison shows.
    pub fn stats(&self) -> Stats {
        let mut stats = Stats {
            rows: self.rows.len(),
            figures: Side::BOTH
                .iter()
                .flat_map(|&side| &self.set.side(side).paragraphs)
                .map(|p| p.figures.len())
                .sum(),
            links: self.links.iter().map(Vec::len).sum(),
            ..Stats::default()
        };
        for row_idx in 0..self.rows.len() {
            let mut open = 0;
            for finding in self.findings(row_idx) {
                let accepted = self.is_accepted(row_idx, &finding);
                let (open_count, accepted_count) = match finding {
                    Finding::Conflict(..) => (&mut stats.conflicts, &mut stats.accepted_conflicts),
                    Finding::Mismatch(_) => (&mut stats.mismatches, &mut stats.accepted_mismatches),
                    Finding::Untranslated(_) => {
                        (&mut stats.untranslated, &mut stats.accepted_mismatches)
                    }
                };
                if accepted {
                    *accepted_count += 1;
                } else {
                    *open_count += 1;
                    open += 1;
                }
            }
            if open > 0 {
                stats.rows_with_findings += 1;
            }
            let review = &self.reviews[row_idx];
            let status_idx = Status::ALL
                .iter()
                .position(|s| *s == review.status)
                .unwrap_or(0);
            stats.statuses[status_idx] += 1;
            if !review.note.trim().is_empty() {
                stats.notes += 1;
            }
        }
        stats.accepted = stats.accepted_mismatches + stats.accepted_conflicts;
        for row in &self.rows {
            if row.is_unmatched() {
                stats.unmatched_paragraphs += row.left.len() + row.right.len();
            } else if row.is_merged() {
                stats.merged += 1;
            } else {
                stats.one_to_one += 1;
            }
        }
        stats
    }

    /// A row whose paragraphs are all boilerplate.
    pub fn is_boilerplate_row(&self, row_idx: usize) -> bool {
        let row = &self.rows[row_idx];
        Side::BOTH
            .iter()
            .flat_map(|&side| {
                let doc = self.set.side(side);
                row.side(side).iter().map(|&i| doc.paragraphs[i].kind)
            })
            .all(|kind| kind == ParagraphKind::Boilerplate)
    }

    /// The unit of a bilingual file that a row shows (by its left paragraph's unit id).
    pub fn unit_of_row(&self, row: usize) -> Option<&crate::formats::Unit> {
        let given = self.set.given.as_ref()?;
        let &paragraph = self.rows[row].left.first()?;
        let id = self.set.left().paragraphs[paragraph].unit.as_deref()?;
        // Units are in the file's order, as the left paragraphs are.
        given
            .units
            .get(paragraph)
            .filter(|unit| unit.id == id)
            .or_else(|| given.units.iter().find(|unit| unit.id == id))
    }

    /// The id of the row's unit when the row is a unit of a bilingual file with no translation.
    pub fn untranslated_unit(&self, row: usize) -> Option<&str> {
        self.set.given.as_ref()?;
        let row = &self.rows[row];
        if self.set.is_locked(row) {
            return None;
        }
        if !row.right.is_empty() {
            return None;
        }
        let &[paragraph] = row.left.as_slice() else {
            return None;
        };
        self.set.left().paragraphs[paragraph].unit.as_deref()
    }

    /// Every finding of a row, accepted or not: an untranslated unit, its mismatches, then its
    /// coverage conflicts.
    pub fn findings(&self, row: usize) -> impl Iterator<Item = Finding<'_>> {
        let untranslated = self.untranslated_unit(row).map(Finding::Untranslated);
        let mismatches = untranslated
            .into_iter()
            .chain(self.mismatches[row].iter().map(Finding::Mismatch));
        let conflicts = self.links[row].iter().flat_map(|link| {
            link.figures_conflict
                .iter()
                .map(move |conflict| Finding::Conflict(link, conflict))
        });
        mismatches.chain(conflicts)
    }

    /// Whether the reviewer accepted a finding of a row.
    pub fn is_accepted(&self, row: usize, finding: &Finding<'_>) -> bool {
        self.reviews[row].is_accepted(&finding.key(&self.set))
    }

    /// The findings of a row that are not accepted.
    pub fn open_findings(&self, row: usize) -> impl Iterator<Item = Finding<'_>> {
        self.findings(row)
            .filter(move |finding| !self.is_accepted(row, finding))
    }

    /// Whether a row has a finding that is not accepted.
    pub fn has_open_findings(&self, row: usize) -> bool {
        self.open_findings(row).next().is_some()
    }

    /// The mismatches of a row that are not accepted.
    pub fn open_mismatches(&self, row: usize) -> impl Iterator<Item = &Mismatch> {
        self.open_findings(row).filter_map(|finding| match finding {
            Finding::Mismatch(mismatch) => Some(mismatch),
            Finding::Conflict(..) | Finding::Untranslated(_) => None,
        })
    }

    /// The coverage conflicts of a row that are not accepted.
    pub fn open_conflicts(&self, row: usize) -> impl Iterator<Item = (&Link, &FigureConflict)> {
        self.open_findings(row).filter_map(|finding| match finding {
            Finding::Mismatch(_) | Finding::Untranslated(_) => None,
            Finding::Conflict(link, conflict) => Some((link, conflict)),
        })
    }

    /// Rows with at least one open mismatch, ascending.
    pub fn mismatch_rows(&self) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&idx| self.has_open_translation_findings(idx))
            .collect()
    }

    /// The rows a reader steps through with "next finding", ascending: rows with an open
    /// finding of any kind (a figure mismatch, an untranslated unit, a coverage conflict), and
    /// rows of a paragraph without counterpart that carries figures (its figures are compared
    /// with nothing).
    pub fn finding_rows(&self) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&idx| self.has_open_findings(idx) || self.unmatched_with_figures(idx))
            .collect()
    }

    /// Whether a row is a paragraph (not boilerplate) with no counterpart, carrying figures.
    pub fn unmatched_with_figures(&self, row: usize) -> bool {
        let row = &self.rows[row];
        if !row.is_unmatched() || self.set.given.is_some() {
            return false;
        }
        Side::BOTH.iter().any(|&side| {
            let doc = self.set.side(side);
            row.side(side).iter().any(|&p| {
                let paragraph = &doc.paragraphs[p];
                paragraph.kind != ParagraphKind::Boilerplate && !paragraph.figures.is_empty()
            })
        })
    }

    /// Whether a row has an open finding about the translation (a figure mismatch or an
    /// untranslated unit; coverage conflicts are about sources).
    pub fn has_open_translation_findings(&self, row: usize) -> bool {
        self.open_findings(row)
            .any(|finding| !finding.is_conflict())
    }

    /// The rows that pass `filter`, ascending.
    pub fn rows_matching(&self, filter: &RowFilter) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&row| filter.keeps(self, row))
            .collect()
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
        let changed = |idx: usize| !known.contains_key(&rows[idx]);
        // A row's links read its neighbours: the rows beside a changed one link again too.
        let relinked: Vec<usize> = (0..rows.len())
            .filter(|&idx| {
                changed(idx)
                    || (idx > 0 && changed(idx - 1))
                    || (idx + 1 < rows.len() && changed(idx + 1))
            })
            .collect();
        let mut new_links = match &self.linker {
            Some(linker) => linker.link_rows_at(&self.set, &rows, &relinked),
            None => vec![Vec::new(); relinked.len()],
        }
        .into_iter();
        let mut relinked = relinked.into_iter().peekable();
        let mut mismatches = Vec::with_capacity(rows.len());
        let mut links = Vec::with_capacity(rows.len());
        for (idx, row) in rows.iter().enumerate() {
            let old = known.get(row).copied();
            mismatches.push(match old {
                Some(old) => self.mismatches[old].clone(),
                None => compare_row(&self.set, row),
            });
            links.push(match (relinked.next_if_eq(&idx), old) {
                (Some(_), _) | (None, None) => new_links.next().unwrap_or_default(),
                (None, Some(old)) => self.links[old].clone(),
            });
        }
        // Headings and conflicts depend on other rows: finished again over all of them.
        crate::link::finish_links(&self.set, &rows, &mut links);
        self.moved_rows = moved_rows(&rows, &self.moved);
        self.rows = rows;
        self.reviews = reviews;
        self.mismatches = mismatches;
        self.links = links;
    }

    /// The row at the other end of this row's moved paragraph, if it is one.
    pub fn moved_partner(&self, row: usize) -> Option<usize> {
        self.moved_rows.get(row).copied().flatten()
    }

    /// A moved paragraph's other end and the words for the empty side of its row: "moved here
    /// from row 70" beside a translation that moved, "moved to row 24" beside its source.
    pub fn moved_note(&self, row: usize) -> Option<(usize, String)> {
        let partner = self.moved_partner(row)?;
        let note = if self.rows[row].left.is_empty() {
            format!("moved here from row {partner}")
        } else {
            format!("moved to row {partner}")
        };
        Some((partner, note))
    }

    /// The review file for the current state.
    pub fn review_file(&self) -> ReviewFile {
        review::file::to_file(
            &self.set,
            &self.rows,
            &self.reviews,
            self.alignment_edited,
            &self.unplaced,
        )
    }

    /// Restore a review file; returns messages for the user.
    pub fn restore_review(&mut self, file: &ReviewFile) -> Vec<String> {
        let restored = review::file::restore(file, &self.set, &self.rows);
        if let Some(rows) = restored.rows {
            let reviews = vec![RowReview::default(); rows.len()];
            self.replace_rows(rows, reviews);
            self.alignment_edited = true;
        }
        self.reviews = restored.reviews;
        if restored.swapped {
            self.turn_accepted_mismatches();
        }
        self.unplaced = restored.unplaced;
        self.history = History::default();
        restored.messages
    }
}

impl Comparison {
    /// Open the sides the other way round: the set analysed again with left and right
    /// exchanged, the review (statuses, notes, accepted findings, alignment edits) carried over.
    pub fn swap_sides_with(&self, progress: &Progress) -> Result<Self, Cancelled> {
        self.prepare_swap().run(progress)
    }

    /// What swapping the sides needs, taken from this comparison so that it can run elsewhere
    /// (the window runs it in the background).
    pub fn prepare_swap(&self) -> Swap {
        Swap {
            loaded: Loaded {
                set: self.set.swapped(),
                warnings: self.warnings.clone(),
            },
            review: self.review_file(),
        }
    }

    /// After a review saved the other way round is restored: a mismatch reads left → right, so
    /// the key of every accepted mismatch is rewritten from its old reading to its new one
    /// (the same two figures).
    fn turn_accepted_mismatches(&mut self) {
        for (row_idx, row) in self.rows.iter().enumerate() {
            if self.reviews[row_idx].accepted.is_empty() || row.is_unmatched() {
                continue;
            }
            // The row read the old way round: right as left.
            let old = compare_sides((self.set.right(), &row.right), (self.set.left(), &row.left));
            for accepted in &mut self.reviews[row_idx].accepted {
                let Some(before) = old
                    .iter()
                    .find(|m| review::mismatch_key(&m.reason) == accepted.finding)
                else {
                    continue;
                };
                if let Some(now) = self.mismatches[row_idx]
                    .iter()
                    .find(|m| m.left == before.right && m.right == before.left)
                {
                    accepted.finding = review::mismatch_key(&now.reason);
                }
            }
        }
    }
}

/// A swap of the sides, ready to run: the set turned round and the review to carry over.
#[derive(Debug)]
pub struct Swap {
    loaded: Loaded,
    review: ReviewFile,
}

impl Swap {
    /// Analyse the turned set and restore the review onto it.
    pub fn run(self, progress: &Progress) -> Result<Comparison, Cancelled> {
        let mut swapped = Comparison::build_with(self.loaded, progress)?;
        swapped.restore_review(&self.review);
        Ok(swapped)
    }
}

/// The review a set already had, restored onto its comparison.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SavedReview {
    /// Where the review is kept from now on (read from here, saved here).
    pub path: PathBuf,
    /// What the user should know about restoring it (notes that could not be placed, …).
    pub messages: Vec<String>,
    /// Why the review file could not be read (it was set aside, never overwritten).
    pub error: Option<String>,
}

impl Comparison {
    /// Find the review this set already has (beside the set, or in `reviews_dir`) and restore
    /// it. The window, `check` and `export` all call this, so they agree on what is accepted.
    pub fn restore_saved_review(&mut self, reviews_dir: &Path) -> SavedReview {
        let source = &self.set.source;
        let existing = review::store::existing_path(source, reviews_dir);
        let mut saved = SavedReview {
            path: existing
                .clone()
                .unwrap_or_else(|| review::store::review_path(source, reviews_dir)),
            ..SavedReview::default()
        };
        let Some(path) = existing else {
            return saved;
        };
        match review::read(&path) {
            Ok(Some(file)) => saved.messages = self.restore_review(&file),
            Ok(None) => {}
            Err(err) => saved.error = Some(format!("{err}: {}", path.display())),
        }
        saved
    }
}

/// The review a translation tool's unit carries: its state as a status, its notes as the note.
/// Final, signed-off and reviewed units are fine; units marked for review or rework need a fix.
fn unit_review(unit: &crate::formats::Unit) -> RowReview {
    let state = unit.state.as_deref().map(str::to_ascii_lowercase);
    let status = match state.as_deref() {
        _ if unit.approved => Status::Ok,
        // XLIFF 1.2 and 2.x; SDLXLIFF's confirmation levels; memoQ's statuses.
        Some(
            "final"
            | "signed-off"
            | "reviewed"
            | "approvedtranslation"
            | "approvedsignoff"
            | "reviewer1confirmed"
            | "reviewer2confirmed"
            | "proofread",
        ) => Status::Ok,
        Some(state)
            if state.starts_with("needs-")
                || matches!(
                    state,
                    "fuzzy" | "rejectedtranslation" | "rejectedsignoff" | "rejected"
                ) =>
        {
            Status::NeedsFix
        }
        _ => Status::Unreviewed,
    };
    RowReview {
        status,
        note: unit.notes.join("\n"),
        accepted: Vec::new(),
    }
}

/// Compare the figures of a row's two sides. Boilerplate is read but not compared.
pub fn compare_row(set: &ArticleSet, row: &Row) -> Vec<Mismatch> {
    // A unit marked not to be translated is shown, never checked.
    if set.is_locked(row) {
        return Vec::new();
    }
    compare_sides((set.left(), &row.left), (set.right(), &row.right))
}

/// Compare the figures of some paragraphs of one document (read as the left side) with some of
/// another (the right side).
///
/// Boilerplate is decided for the row as a whole: a row of page chrome on both sides (a
/// translated menu) compares nothing, and a row with body text on either side compares every
/// paragraph of both. A paragraph that the classifier took for chrome (repetition is a chrome
/// signal, and short, repetitive texts repeat) is still the rendering of its body counterpart,
/// and a figure is never reported missing from a paragraph that holds it.
fn compare_sides(left: (&Document, &[usize]), right: (&Document, &[usize])) -> Vec<Mismatch> {
    fn side<'a>((doc, indices): (&'a Document, &[usize])) -> SideFigures<'a> {
        SideFigures {
            name: &doc.label,
            paragraphs: indices
                .iter()
                .map(|&idx| &doc.paragraphs[idx])
                .map(|p| (p.index, p.figures.as_slice()))
                .collect(),
        }
    }
    // A paragraph with no counterpart at all is shown as unmatched; its figures are not
    // reported once more each.
    if left.1.is_empty() || right.1.is_empty() {
        return Vec::new();
    }
    let has_body = |(doc, indices): (&Document, &[usize])| {
        indices
            .iter()
            .any(|&idx| doc.paragraphs[idx].kind != ParagraphKind::Boilerplate)
    };
    if !has_body(left) && !has_body(right) {
        return Vec::new();
    }
    compare::compare(&side(left), &side(right))
}

/// Pair a paragraph taken for chrome with the body paragraph that stands alone beside it.
///
/// The aligner keeps chrome and body text apart, which is right for a share bar that only one
/// page has, and wrong when the classifier took a short repeated paragraph for chrome
/// (repetition is a chrome signal, and FAQs and bullet lists repeat): its rendering is then
/// left unmatched beside it, and a figure changed between the two is never compared. When a gap
/// between two aligned rows holds exactly one paragraph on each side, one of them chrome and
/// the other not, they are one row: a paragraph aligned one to one with body text is body.
fn pair_chrome_with_body(set: &ArticleSet, rows: &mut Vec<Row>) {
    let is_chrome = |side: Side, paragraph: usize| {
        set.side(side).paragraphs[paragraph].kind == ParagraphKind::Boilerplate
    };
    let aligned = |row: Option<&Row>| row.is_none_or(|row| !row.is_unmatched());
    let old = std::mem::take(rows);
    let mut idx = 0;
    // One pass, rows moved into a new list: linear however many pairs there are.
    while idx < old.len() {
        if let (Some(first), Some(second)) = (old.get(idx), old.get(idx + 1)) {
            let pair = match (
                first.left.as_slice(),
                first.right.as_slice(),
                second.left.as_slice(),
                second.right.as_slice(),
            ) {
                (&[left], &[], &[], &[right]) | (&[], &[right], &[left], &[]) => {
                    Some((left, right))
                }
                _ => None,
            };
            let alone = aligned(rows.last()) && aligned(old.get(idx + 2));
            if let Some((left, right)) = pair
                && alone
                && is_chrome(Side::Left, left) != is_chrome(Side::Right, right)
            {
                rows.push(Row {
                    left: vec![left],
                    right: vec![right],
                });
                idx += 2;
                continue;
            }
        }
        rows.push(old[idx].clone());
        idx += 1;
    }
}

/// How many times longer one paragraph of a one-to-one row may be than the other before the
/// pair is taken for two unrelated paragraphs (a rendering runs from about half to twice the
/// length of its source; a list item against a whole paragraph is ten times shorter).
const UNRELATED_LENGTH_RATIO: f32 = 4.0;

/// Split the one-to-one rows that pair paragraphs which cannot be renderings of each other: one
/// over [`UNRELATED_LENGTH_RATIO`] times longer than the other, with no figure in common. A
/// list item only one rendering has ("Intäkt: 5,83 miljarder dollar") is then a paragraph
/// without counterpart, not a row reporting its figure missing from an unrelated paragraph.
fn split_unrelated_pairs(set: &ArticleSet, rows: &mut Vec<Row>) {
    let (left, right) = (set.left(), set.right());
    let unrelated = |row: &Row| {
        let (&[l], &[r]) = (row.left.as_slice(), row.right.as_slice()) else {
            return false;
        };
        let (l, r) = (&left.paragraphs[l], &right.paragraphs[r]);
        if l.kind == ParagraphKind::Boilerplate || r.kind == ParagraphKind::Boilerplate {
            return false;
        }
        let (l_len, r_len) = (l.text.chars().count() as f32, r.text.chars().count() as f32);
        let ratio = l_len.max(r_len) / l_len.min(r_len).max(1.0);
        ratio > UNRELATED_LENGTH_RATIO
            && !l.figures.iter().any(|a| {
                r.figures
                    .iter()
                    .any(|b| crate::figures::compare::same_meaning(a, b))
            })
    };
    if !rows.iter().any(unrelated) {
        return;
    }
    let old = std::mem::take(rows);
    for row in old {
        if unrelated(&row) {
            rows.push(Row {
                left: row.left,
                right: Vec::new(),
            });
            rows.push(Row {
                left: Vec::new(),
                right: row.right,
            });
        } else {
            rows.push(row);
        }
    }
}

impl Comparison {
    /// A doubt that the two documents are renderings of one article, in words, or `None`:
    /// fewer than half the paragraphs of the longer one pair one to one with a paragraph of the
    /// other (a file aligned as it is given is not doubted).
    pub fn alignment_doubt(&self) -> Option<String> {
        if self.set.given.is_some() {
            return None;
        }
        let body = |side: Side| {
            self.set
                .side(side)
                .paragraphs
                .iter()
                .filter(|p| p.kind != ParagraphKind::Boilerplate)
                .count()
        };
        let longer = body(Side::Left).max(body(Side::Right));
        let one_to_one = self
            .rows
            .iter()
            .filter(|row| row.left.len() == 1 && row.right.len() == 1)
            .count();
        (longer >= 6 && one_to_one * 2 < longer).then(|| {
            format!(
                "These may not be renderings of the same article: only {one_to_one} of the {longer} paragraphs of the longer one pair one to one with a paragraph of the other."
            )
        })
    }
}

/// Align the paragraphs of two documents.
pub fn align_documents(left: &Document, right: &Document) -> Vec<Row> {
    align_documents_with_moves(left, right).0
}

/// Align the paragraphs of two documents and find the paragraphs that moved.
pub fn align_documents_with_moves(left: &Document, right: &Document) -> (Vec<Row>, Vec<Moved>) {
    fn blocks(doc: &Document) -> Vec<Block<'_>> {
        doc.paragraphs
            .iter()
            .map(|p| Block::new(&p.text, p.kind))
            .collect()
    }
    align::align_with_moves(&blocks(left), &blocks(right))
}

/// For every row, the row at the other end of its moved paragraph: a move counts while both
/// its paragraphs are alone in their rows.
fn moved_rows(rows: &[Row], moved: &[Moved]) -> Vec<Option<usize>> {
    let mut alone = [
        vec![None; rows.iter().map(|r| r.left.len()).sum()],
        vec![None; rows.iter().map(|r| r.right.len()).sum()],
    ];
    for (idx, row) in rows.iter().enumerate() {
        for side in Side::BOTH {
            if let [paragraph] = row.side(side)
                && row.side(side.other()).is_empty()
            {
                alone[side.document_index()][*paragraph] = Some(idx);
            }
        }
    }
    let mut partners = vec![None; rows.len()];
    for m in moved {
        let left = alone[0].get(m.left).copied().flatten();
        let right = alone[1].get(m.right).copied().flatten();
        if let (Some(left), Some(right)) = (left, right) {
            partners[left] = Some(right);
            partners[right] = Some(left);
        }
    }
    partners
}
