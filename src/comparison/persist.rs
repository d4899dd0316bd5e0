//! The review file of a comparison, restoring it (onto changed texts too), and swapping the
//! sides with the review carried over.

use std::path::{Path, PathBuf};

use crate::progress::{Cancelled, Progress};
use crate::review::{self, History, ReviewFile, RowReview, Status};
use crate::set::Loaded;

use super::{Comparison, compare_sides};

impl Comparison {
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
pub(super) fn unit_review(unit: &crate::set::Unit) -> RowReview {
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
