//! Review: statuses, notes and accepted findings per row, manual alignment edits with
//! undo/redo, and the review file that keeps them.
//!
//! - this module: a row's [`RowReview`] (its [`Status`], note and [`Accepted`] findings) and
//!   the stable keys of findings;
//! - [`file`](mod@file): the review file (`<set>.review.json`), restoring it onto changed texts, reading
//!   and writing it safely;
//! - [`store`]: where a set's review is kept (beside the set, or in the app's data folder);
//! - [`history`]: undo and redo;
//! - [`edit`]: manual alignment edits.

use serde::{Deserialize, Serialize};

pub mod edit;
pub mod file;
pub mod history;
pub mod store;

pub use file::{ReviewError, ReviewFile, SavedRow, read, write};
pub use history::{History, Snapshot};

/// A row's review status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not looked at yet.
    #[default]
    Unreviewed,
    /// Checked, fine.
    Ok,
    /// Something must be fixed.
    NeedsFix,
    /// An open question.
    Question,
}

impl Status {
    /// All statuses, in display order.
    pub const ALL: [Self; 4] = [Self::Unreviewed, Self::Ok, Self::NeedsFix, Self::Question];

    /// The name used in files and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unreviewed => "unreviewed",
            Self::Ok => "ok",
            Self::NeedsFix => "needs_fix",
            Self::Question => "question",
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Unreviewed => "Unreviewed",
            Self::Ok => "OK",
            Self::NeedsFix => "Needs fix",
            Self::Question => "Question",
        }
    }
}

/// A finding the reviewer accepted (a false alarm or an intentional difference).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accepted {
    /// Which finding: [`mismatch_key`] of a mismatch or [`conflict_key`] of a coverage conflict.
    pub finding: String,
    /// Why it was accepted (optional).
    #[serde(default)]
    pub reason: String,
}

/// The review of one row.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowReview {
    /// Status.
    #[serde(default)]
    pub status: Status,
    /// Free-text note.
    #[serde(default)]
    pub note: String,
    /// Accepted findings.
    #[serde(default)]
    pub accepted: Vec<Accepted>,
}

impl RowReview {
    /// Nothing recorded.
    pub fn is_empty(&self) -> bool {
        self.status == Status::Unreviewed && self.note.trim().is_empty() && self.accepted.is_empty()
    }

    /// Whether a finding is accepted.
    pub fn is_accepted(&self, finding: &str) -> bool {
        self.accepted.iter().any(|a| a.finding == finding)
    }

    /// Merge another row's review into this one (rows merged by hand, or two saved reviews
    /// that land on one row).
    pub fn absorb(&mut self, other: RowReview) {
        if self.status == Status::Unreviewed {
            self.status = other.status;
        }
        if !other.note.trim().is_empty() {
            if !self.note.trim().is_empty() {
                self.note.push('\n');
            }
            self.note.push_str(&other.note);
        }
        for accepted in other.accepted {
            if !self.is_accepted(&accepted.finding) {
                self.accepted.push(accepted);
            }
        }
    }
}

/// Which rows to show, by their review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReviewFilter {
    /// Every row.
    #[default]
    All,
    /// Rows with this status.
    Status(Status),
    /// Rows with a note.
    WithNote,
    /// Rows with an accepted finding.
    WithAccepted,
}

impl ReviewFilter {
    /// Every filter, in display order.
    pub const ALL: [Self; 7] = [
        Self::All,
        Self::Status(Status::Unreviewed),
        Self::Status(Status::Ok),
        Self::Status(Status::NeedsFix),
        Self::Status(Status::Question),
        Self::WithNote,
        Self::WithAccepted,
    ];

    /// Whether a row with this review passes.
    pub fn keeps(self, review: &RowReview) -> bool {
        match self {
            Self::All => true,
            Self::Status(status) => review.status == status,
            Self::WithNote => !review.note.trim().is_empty(),
            Self::WithAccepted => !review.accepted.is_empty(),
        }
    }

    /// The name shown to people.
    pub fn label(self) -> String {
        match self {
            Self::All => "All rows".to_owned(),
            Self::Status(status) => format!("Status: {}", status.label()),
            Self::WithNote => "Rows with notes".to_owned(),
            Self::WithAccepted => "Rows with accepted findings".to_owned(),
        }
    }
}

/// The key of an accepted untranslated unit (a row has one unit at most).
pub const UNTRANSLATED_KEY: &str = "untranslated";

/// The key of a figure mismatch, stable across reloads: its reason.
pub fn mismatch_key(reason: &str) -> String {
    format!("mismatch: {reason}")
}

/// The key of a coverage conflict: document id, paragraph and reason.
pub fn conflict_key(document_id: &str, paragraph: usize, reason: &str) -> String {
    format!("conflict: {document_id} ¶{paragraph}: {reason}")
}
