//! A row of the comparison: the paragraphs of the left rendering shown against the paragraphs of
//! the right. The aligner makes rows, a bilingual file gives them, the reviewer corrects them;
//! the set, the review, the links and the window all read them, so the type lives here, below
//! them all.

use serde::{Deserialize, Serialize};

use crate::side::Side;

/// One aligned row: consecutive left paragraphs against consecutive right paragraphs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Row {
    /// Indices of the left paragraphs, ascending (empty: nothing on the left).
    pub left: Vec<usize>,
    /// Indices of the right paragraphs, ascending (empty: nothing on the right).
    pub right: Vec<usize>,
}

impl Row {
    /// A row with one side empty: a paragraph without counterpart.
    pub fn is_unmatched(&self) -> bool {
        self.left.is_empty() || self.right.is_empty()
    }

    /// The paragraphs of one side.
    pub fn side(&self, side: Side) -> &[usize] {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }

    /// The paragraphs of one side, to change.
    pub fn side_mut(&mut self, side: Side) -> &mut Vec<usize> {
        match side {
            Side::Left => &mut self.left,
            Side::Right => &mut self.right,
        }
    }

    /// More than one paragraph on a side: a merge or a split.
    pub fn is_merged(&self) -> bool {
        self.left.len() > 1 || self.right.len() > 1
    }
}
