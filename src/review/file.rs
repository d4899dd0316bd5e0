//! The review file: `<set>.review.json`, what it keeps and how it is restored.
//!
//! A review file is written atomically (see [`crate::atomic`]) after the previous version was
//! kept as `<set>.review.json.bak`, so a crash at any moment leaves the old or the new review,
//! never a broken one. Notes are attached to paragraphs by content (a hash of the text) as well
//! as by index: reopening a set whose texts changed keeps every note that can still be placed
//! and lists the others; nothing is dropped. A file that cannot be read is set aside
//! (`….corrupt-<time>`) and reported, never overwritten.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::RowReview;
use crate::row::Row;
use crate::set::{ArticleSet, Document};

/// The schema name of review files.
pub const SCHEMA: &str = "parallel-reader/review/1";

/// A stable hash of a paragraph's text (FNV-1a over the words), as 16 hex digits.
pub fn text_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in text.split_whitespace() {
        for byte in word.bytes().chain(std::iter::once(b' ')) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// A paragraph as the review file remembers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParagraphRef {
    /// Index when saved.
    pub index: usize,
    /// [`text_hash`] of its text.
    pub hash: String,
    /// The start of its text, for people reading the file or an unplaced note.
    pub start: String,
}

impl ParagraphRef {
    fn new(doc: &Document, index: usize) -> Self {
        let text = &doc.paragraphs[index].text;
        Self {
            index,
            hash: text_hash(text),
            start: text.chars().take(60).collect(),
        }
    }
}

/// A row review as saved: the review and the paragraphs it belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedRow {
    /// Left paragraphs of the row.
    pub left: Vec<ParagraphRef>,
    /// Right paragraphs of the row.
    pub right: Vec<ParagraphRef>,
    /// The review.
    #[serde(flatten)]
    pub review: RowReview,
}

/// The review file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewFile {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The set's title when saved.
    #[serde(default)]
    pub title: String,
    /// Hashes of every left and right paragraph when saved: manual alignment is only restored
    /// onto the same texts.
    #[serde(default)]
    pub left_hashes: Vec<String>,
    /// See `left_hashes`.
    #[serde(default)]
    pub right_hashes: Vec<String>,
    /// The rows as edited by hand, if the alignment was edited.
    #[serde(default)]
    pub alignment: Option<Vec<Row>>,
    /// Rows with a status, note or accepted finding.
    #[serde(default)]
    pub rows: Vec<SavedRow>,
    /// Reviews that could not be placed on the current texts: kept, listed, never dropped.
    #[serde(default)]
    pub unplaced: Vec<SavedRow>,
}

/// The outcome of restoring a review file onto a comparison.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Restored {
    /// Rows as restored (the automatic alignment when no manual one could be kept).
    pub rows: Option<Vec<Row>>,
    /// One review per row of the comparison (after `rows`).
    pub reviews: Vec<RowReview>,
    /// Reviews that could not be placed.
    pub unplaced: Vec<SavedRow>,
    /// What the user should know ("alignment edits could not be kept: the texts changed").
    pub messages: Vec<String>,
    /// The file was saved with the sides the other way round (before View ▸ Swap sides).
    pub swapped: bool,
}

impl ReviewFile {
    /// The same review with left and right exchanged.
    pub fn swapped(&self) -> Self {
        let swap_row = |row: &SavedRow| SavedRow {
            left: row.right.clone(),
            right: row.left.clone(),
            review: row.review.clone(),
        };
        Self {
            left_hashes: self.right_hashes.clone(),
            right_hashes: self.left_hashes.clone(),
            alignment: self.alignment.as_ref().map(|rows| {
                rows.iter()
                    .map(|row| Row {
                        left: row.right.clone(),
                        right: row.left.clone(),
                    })
                    .collect()
            }),
            rows: self.rows.iter().map(swap_row).collect(),
            unplaced: self.unplaced.iter().map(swap_row).collect(),
            ..self.clone()
        }
    }
}

fn hashes(doc: &Document) -> Vec<String> {
    doc.paragraphs.iter().map(|p| text_hash(&p.text)).collect()
}

/// Build the review file for the current state.
pub fn to_file(
    set: &ArticleSet,
    rows: &[Row],
    reviews: &[RowReview],
    alignment_edited: bool,
    unplaced: &[SavedRow],
) -> ReviewFile {
    let saved = rows
        .iter()
        .zip(reviews)
        .filter(|(_, review)| !review.is_empty())
        .map(|(row, review)| SavedRow {
            left: row
                .left
                .iter()
                .map(|&i| ParagraphRef::new(set.left(), i))
                .collect(),
            right: row
                .right
                .iter()
                .map(|&i| ParagraphRef::new(set.right(), i))
                .collect(),
            review: review.clone(),
        })
        .collect();
    ReviewFile {
        schema: SCHEMA.to_owned(),
        title: set.title.clone(),
        left_hashes: hashes(set.left()),
        right_hashes: hashes(set.right()),
        alignment: alignment_edited.then(|| rows.to_vec()),
        rows: saved,
        unplaced: unplaced.to_vec(),
    }
}

/// Restore a review file onto a set aligned as `rows`.
pub fn restore(file: &ReviewFile, set: &ArticleSet, rows: &[Row]) -> Restored {
    // A review saved with the sides the other way round is turned first.
    let left_now = hashes(set.left());
    let right_now = hashes(set.right());
    let other_way = file.left_hashes == right_now
        && file.right_hashes == left_now
        && file.left_hashes != file.right_hashes;
    let turned;
    let file = if other_way {
        turned = file.swapped();
        &turned
    } else {
        file
    };
    let mut restored = Restored {
        swapped: other_way,
        ..Restored::default()
    };
    let same_texts =
        file.left_hashes == hashes(set.left()) && file.right_hashes == hashes(set.right());
    let mut current: Vec<Row> = rows.to_vec();
    if let Some(alignment) = &file.alignment {
        if same_texts && covers_in_order(alignment, set) {
            current.clone_from(alignment);
            restored.rows = Some(alignment.clone());
        } else {
            restored.messages.push(
                "The alignment edits could not be kept: the texts have changed since they were made."
                    .to_owned(),
            );
        }
    }
    restored.reviews = vec![RowReview::default(); current.len()];
    let left_hashes = hashes(set.left());
    let right_hashes = hashes(set.right());
    let find = |refs: &[ParagraphRef], hashes: &[String]| -> Option<usize> {
        refs.iter().find_map(|r| {
            if hashes.get(r.index) == Some(&r.hash) {
                return Some(r.index);
            }
            // The nearest paragraph with the same text.
            hashes
                .iter()
                .enumerate()
                .filter(|(_, h)| **h == r.hash)
                .min_by_key(|(i, _)| i.abs_diff(r.index))
                .map(|(i, _)| i)
        })
    };
    for saved in file.rows.iter().chain(&file.unplaced) {
        let row_idx = find(&saved.left, &left_hashes)
            .and_then(|p| current.iter().position(|row| row.left.contains(&p)))
            .or_else(|| {
                find(&saved.right, &right_hashes)
                    .and_then(|p| current.iter().position(|row| row.right.contains(&p)))
            });
        match row_idx {
            Some(row_idx) => restored.reviews[row_idx].absorb(saved.review.clone()),
            None => restored.unplaced.push(saved.clone()),
        }
    }
    if !restored.unplaced.is_empty() {
        restored.messages.push(format!(
            "{} review note(s) could not be placed on the changed texts; they are kept and listed.",
            restored.unplaced.len()
        ));
    }
    restored
}

/// Rows cover every left and right paragraph exactly once, in order.
pub fn covers_in_order(rows: &[Row], set: &ArticleSet) -> bool {
    let left: Vec<usize> = rows.iter().flat_map(|r| r.left.iter().copied()).collect();
    let right: Vec<usize> = rows.iter().flat_map(|r| r.right.iter().copied()).collect();
    left == (0..set.left().paragraphs.len()).collect::<Vec<_>>()
        && right == (0..set.right().paragraphs.len()).collect::<Vec<_>>()
        && rows
            .iter()
            .all(|r| !r.left.is_empty() || !r.right.is_empty())
}

/// Why a review file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// The file exists but is not a review file; it was moved aside.
    #[error("the review file was unreadable ({reason}); it was set aside as {}", set_aside.display())]
    Corrupt {
        /// What was wrong.
        reason: String,
        /// Where it is now.
        set_aside: PathBuf,
    },
    /// Reading failed.
    #[error("cannot read the review file ({0})")]
    Io(#[from] io::Error),
}

/// Read a review file; `Ok(None)` when there is none. A corrupt file is renamed aside (never
/// overwritten) and reported.
pub fn read(path: &Path) -> Result<Option<ReviewFile>, ReviewError> {
    let bytes = match crate::input::read(path) {
        Ok(bytes) => bytes,
        Err(crate::input::InputError::NotFound) => return Ok(None),
        Err(err) => return Err(ReviewError::Io(io::Error::other(err.to_string()))),
    };
    match serde_json::from_slice::<ReviewFile>(&bytes) {
        Ok(file) if file.schema == SCHEMA => Ok(Some(file)),
        Ok(file) => set_aside(path, format!("unknown schema {:?}", file.schema)),
        Err(err) => set_aside(path, err.to_string()),
    }
}

fn set_aside(path: &Path, reason: String) -> Result<Option<ReviewFile>, ReviewError> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Every corrupt file is kept: a second one in the same second gets a number.
    let mut counter = 1;
    let aside = loop {
        let mut aside = path.as_os_str().to_owned();
        aside.push(format!(".corrupt-{stamp}"));
        if counter > 1 {
            aside.push(format!("-{counter}"));
        }
        let aside = PathBuf::from(aside);
        if std::fs::symlink_metadata(&aside).is_err() {
            break aside;
        }
        counter += 1;
    };
    std::fs::rename(path, &aside)?;
    Err(ReviewError::Corrupt {
        reason,
        set_aside: aside,
    })
}

/// Write a review file atomically, keeping the previous version as `<file>.bak`.
pub fn write(path: &Path, file: &ReviewFile) -> io::Result<()> {
    let bytes = serde_json::to_vec_pretty(file).map_err(io::Error::other)?;
    if path.exists() {
        let mut backup = path.as_os_str().to_owned();
        backup.push(".bak");
        let previous = crate::input::read(path).map_err(|err| io::Error::other(err.to_string()))?;
        crate::atomic::write(Path::new(&backup), &previous)?;
    }
    crate::atomic::write(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_hash_ignores_spacing() {
        assert_eq!(text_hash("a  b\nc"), text_hash("a b c"));
        assert_ne!(text_hash("a b c"), text_hash("a b d"));
    }
}
