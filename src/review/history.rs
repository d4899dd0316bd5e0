//! Undo and redo of review edits: snapshots of the rows and their reviews.

use super::RowReview;
use crate::row::Row;

/// A snapshot for undo: rows and reviews before an edit.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The rows.
    pub rows: Vec<Row>,
    /// The reviews, one per row.
    pub reviews: Vec<RowReview>,
}

/// Undo and redo stacks of snapshots.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
}

/// How many edits can be undone.
const HISTORY_DEPTH: usize = 200;

impl History {
    /// Remember the state before an edit (clears redo).
    pub fn record(&mut self, before: Snapshot) {
        self.undo.push(before);
        if self.undo.len() > HISTORY_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The state to go back to; `current` goes on the redo stack.
    pub fn undo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let previous = self.undo.pop()?;
        self.redo.push(current);
        Some(previous)
    }

    /// The state to go forward to; `current` goes on the undo stack.
    pub fn redo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        Some(next)
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Status;

    fn rows(pairs: &[(&[usize], &[usize])]) -> Vec<Row> {
        pairs
            .iter()
            .map(|(l, r)| Row {
                left: l.to_vec(),
                right: r.to_vec(),
            })
            .collect()
    }

    #[test]
    fn history_undoes_and_redoes() {
        let a = Snapshot {
            rows: rows(&[(&[0], &[0])]),
            reviews: vec![RowReview::default()],
        };
        let mut b = a.clone();
        b.reviews[0].status = Status::Ok;
        let mut history = History::default();
        history.record(a.clone());
        assert_eq!(history.undo(b.clone()), Some(a.clone()));
        assert_eq!(history.redo(a.clone()), Some(b));
        assert!(history.can_undo() && !history.can_redo());
    }
}
