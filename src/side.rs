//! Left and right: the two renderings of a set, and the words that go with them.
//!
//! Every place that means "one of the two renderings" takes a [`Side`]; edits that take a
//! paragraph off one end of a row say which with an [`End`], and edits that join a row to a
//! neighbour say which with a [`Neighbour`]. No public function or command takes a bare `bool`
//! for any of these.

use serde::{Deserialize, Serialize};

/// One of the two renderings of a set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The rendering shown on the left (the source, in a translation).
    Left,
    /// The rendering shown on the right.
    Right,
}

impl Side {
    /// Both sides, left first.
    pub const BOTH: [Self; 2] = [Self::Left, Self::Right];

    /// The other side.
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Self::Left => Self::Right,
            Self::Right => Self::Left,
        }
    }

    /// The lower-case name used in files and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Left => "left",
            Self::Right => "right",
        }
    }

    /// The position of this side's document in a set (left is 0, right is 1).
    pub fn document_index(self) -> usize {
        match self {
            Self::Left => 0,
            Self::Right => 1,
        }
    }
}

/// The first or the last paragraph of a row's side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum End {
    /// The first paragraph.
    First,
    /// The last paragraph.
    Last,
}

/// The row before or the row after.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Neighbour {
    /// The row before.
    Previous,
    /// The row after.
    Next,
}
