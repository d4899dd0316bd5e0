//! Review and alignment edits, each undoable.

use crate::review::{RowReview, Snapshot};
use crate::row::Row;

use super::{Comparison, compare_row, moved_rows};

impl Comparison {
    fn snapshot(&self) -> Snapshot {
        Snapshot {
            rows: self.rows.clone(),
            reviews: self.reviews.clone(),
        }
    }

    /// Set the note of a row as it is typed: one undo step per note, not per keystroke.
    /// `continues` says that this keystroke goes on with the note typed last (the window knows
    /// what is being typed; the comparison keeps no typing state).
    pub fn edit_note(&mut self, row: usize, note: &str, continues: bool) {
        if self.reviews.get(row).is_none_or(|r| r.note == note) {
            return;
        }
        if !continues {
            self.history.record(self.snapshot());
        }
        self.reviews[row].note = note.to_owned();
    }

    /// Change the review of a row (status, note, accepted findings); undoable.
    pub fn edit_review(&mut self, row: usize, change: impl FnOnce(&mut RowReview)) {
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

    /// Apply a manual alignment edit (see [`crate::review::edit`]); figures and links of the changed
    /// rows are compared again. Returns false when the edit does not apply.
    pub fn edit_alignment(
        &mut self,
        edit: impl FnOnce(&mut Vec<Row>, &mut Vec<RowReview>) -> Option<Vec<usize>>,
    ) -> bool {
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
    pub(super) fn replace_rows(&mut self, rows: Vec<Row>, reviews: Vec<RowReview>) {
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
}
