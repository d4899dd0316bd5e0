//! Review: statuses, notes and accepted findings per row, manual alignment edits with
//! undo/redo, and the review file that keeps them.
//!
//! A review file (`<set>.review.json`) is written atomically (temporary file in the same folder,
//! flushed and synced, renamed over the target) after the previous version was kept as
//! `<set>.review.json.bak`, so a crash at any moment leaves the old or the new review, never a
//! broken one. Notes are attached to paragraphs by content (a hash of the text) as well as by
//! index: reopening a set whose texts changed keeps every note that can still be placed and
//! lists the others; nothing is dropped. A file that cannot be read is set aside
//! (`….corrupt-<time>`) and reported, never overwritten.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::align::Row;
use crate::set::{ArticleSet, Document, SetSource};

/// The schema name of review files.
pub const SCHEMA: &str = "parallel-reader/review/1";

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
    /// Which finding: [`finding_key`] of a mismatch or a coverage conflict.
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

    /// Merge another row's review into this one (rows merged by hand).
    fn absorb(&mut self, other: RowReview) {
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

/// The key of a figure mismatch, stable across reloads: its reason.
pub fn mismatch_key(reason: &str) -> String {
    format!("mismatch: {reason}")
}

/// The key of a coverage conflict: document id, paragraph and reason.
pub fn conflict_key(document_id: &str, paragraph: usize, reason: &str) -> String {
    format!("conflict: {document_id} ¶{paragraph}: {reason}")
}

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
    let mut restored = Restored::default();
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

/// Where the review of a set is kept: `<set name>.review.json` beside the manifest or folder
/// (or the first file); the bundled set's review lives in `fallback_dir`.
pub fn review_path(source: &SetSource, fallback_dir: &Path) -> PathBuf {
    let beside = |path: &Path, name: &str| -> PathBuf {
        path.parent()
            .unwrap_or(Path::new("."))
            .join(format!("{name}.review.json"))
    };
    let stem = |path: &Path| {
        path.file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("set")
            .to_owned()
    };
    match source {
        SetSource::Bundled => fallback_dir.join("bundled-example.review.json"),
        SetSource::Manifest(manifest) => beside(manifest, &stem(manifest)),
        SetSource::Folder(folder) => {
            let name = folder
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("set")
                .to_owned();
            beside(folder, &name)
        }
        SetSource::Files(files) => files.first().map_or_else(
            || fallback_dir.join("files.review.json"),
            |f| beside(f, &stem(f)),
        ),
    }
}

/// The fallback review path for a set whose own folder is not writable: in `data_dir`, named
/// after a hash of the set's location.
pub fn fallback_path(source: &SetSource, data_dir: &Path) -> PathBuf {
    let key: String = source
        .paths()
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join("|");
    data_dir.join(format!("set-{}.review.json", text_hash(&key)))
}

/// The review file a set already has: beside the set, or in `data_dir` where it went when the
/// set's folder was not writable.
pub fn existing_path(source: &SetSource, data_dir: &Path) -> Option<PathBuf> {
    [
        review_path(source, data_dir),
        fallback_path(source, data_dir),
    ]
    .into_iter()
    .find(|path| path.exists())
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
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(ReviewError::Io(err)),
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
    let mut aside = path.as_os_str().to_owned();
    aside.push(format!(".corrupt-{stamp}"));
    let aside = PathBuf::from(aside);
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
        let previous = std::fs::read(path)?;
        crate::export::write_atomic(Path::new(&backup), &previous)?;
    }
    crate::export::write_atomic_with(path, |out| out.write_all(&bytes))
}

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

/// Manual alignment edits. Each keeps the rows in reading order, covering every paragraph
/// once, and returns the rows whose content changed (to compare and link again), or `None`
/// when the edit does not apply.
pub mod edit {
    use super::{Row, RowReview};

    /// Merge row `idx` with the next one.
    pub fn merge_with_next(
        rows: &mut Vec<Row>,
        reviews: &mut Vec<RowReview>,
        idx: usize,
    ) -> Option<Vec<usize>> {
        if idx + 1 >= rows.len() {
            return None;
        }
        let next = rows.remove(idx + 1);
        let next_review = reviews.remove(idx + 1);
        rows[idx].left.extend(next.left);
        rows[idx].right.extend(next.right);
        reviews[idx].absorb(next_review);
        Some(vec![idx])
    }

    /// Split a row with several paragraphs on a side into rows pairing them in order.
    pub fn split(
        rows: &mut Vec<Row>,
        reviews: &mut Vec<RowReview>,
        idx: usize,
    ) -> Option<Vec<usize>> {
        let row = rows.get(idx)?;
        let count = row.left.len().max(row.right.len());
        if count < 2 {
            return None;
        }
        let row = rows.remove(idx);
        let review = reviews.remove(idx);
        let pieces: Vec<Row> = (0..count)
            .map(|k| Row {
                left: row.left.get(k).copied().into_iter().collect(),
                right: row.right.get(k).copied().into_iter().collect(),
            })
            .collect();
        for (k, piece) in pieces.into_iter().enumerate() {
            rows.insert(idx + k, piece);
            reviews.insert(
                idx + k,
                if k == 0 {
                    review.clone()
                } else {
                    RowReview::default()
                },
            );
        }
        Some((idx..idx + count).collect())
    }

    /// Detach the first (`at_start`) or last paragraph of one side (`left`) into a row of its
    /// own, before or after the row.
    pub fn detach(
        rows: &mut Vec<Row>,
        reviews: &mut Vec<RowReview>,
        idx: usize,
        left: bool,
        at_start: bool,
    ) -> Option<Vec<usize>> {
        let row = rows.get_mut(idx)?;
        let other_len = if left {
            row.right.len()
        } else {
            row.left.len()
        };
        let side = if left { &mut row.left } else { &mut row.right };
        if side.is_empty() || (side.len() == 1 && other_len == 0) {
            return None;
        }
        let paragraph = if at_start {
            side.remove(0)
        } else {
            side.pop()?
        };
        let single = if left {
            Row {
                left: vec![paragraph],
                right: Vec::new(),
            }
        } else {
            Row {
                left: Vec::new(),
                right: vec![paragraph],
            }
        };
        let at = if at_start { idx } else { idx + 1 };
        rows.insert(at, single);
        reviews.insert(at, RowReview::default());
        Some(vec![idx, idx + 1])
    }

    /// Attach row `idx` to its previous (`to_previous`) or next neighbour.
    pub fn attach(
        rows: &mut Vec<Row>,
        reviews: &mut Vec<RowReview>,
        idx: usize,
        to_previous: bool,
    ) -> Option<Vec<usize>> {
        if to_previous {
            let previous = idx.checked_sub(1)?;
            merge_with_next(rows, reviews, previous)
        } else {
            merge_with_next(rows, reviews, idx)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn edits_keep_reading_order_and_reviews() {
        let mut current = rows(&[(&[0], &[0]), (&[1], &[]), (&[2], &[1]), (&[3], &[2])]);
        let mut reviews = vec![RowReview::default(); 4];
        reviews[1].note = "short line".to_owned();
        reviews[2].note = "check the year".to_owned();
        // Attach the unmatched line to the next row: its note moves along.
        assert_eq!(
            edit::attach(&mut current, &mut reviews, 1, false),
            Some(vec![1])
        );
        assert_eq!(
            current,
            rows(&[(&[0], &[0]), (&[1, 2], &[1]), (&[3], &[2])])
        );
        assert_eq!(reviews[1].note, "short line\ncheck the year");
        // Split it again: paired in order, the extra paragraph unmatched.
        assert_eq!(edit::split(&mut current, &mut reviews, 1), Some(vec![1, 2]));
        assert_eq!(
            current,
            rows(&[(&[0], &[0]), (&[1], &[1]), (&[2], &[]), (&[3], &[2])])
        );
        // Detach the last left paragraph of a row into its own row.
        assert_eq!(
            edit::merge_with_next(&mut current, &mut reviews, 2),
            Some(vec![2])
        );
        assert_eq!(
            current,
            rows(&[(&[0], &[0]), (&[1], &[1]), (&[2, 3], &[2])])
        );
        assert_eq!(
            edit::detach(&mut current, &mut reviews, 2, true, true),
            Some(vec![2, 3])
        );
        assert_eq!(
            current,
            rows(&[(&[0], &[0]), (&[1], &[1]), (&[2], &[]), (&[3], &[2])])
        );
        // What does not apply is refused.
        assert_eq!(edit::merge_with_next(&mut current, &mut reviews, 3), None);
        assert_eq!(edit::split(&mut current, &mut reviews, 0), None);
        assert_eq!(
            edit::detach(&mut current, &mut reviews, 2, true, true),
            None
        );
        assert_eq!(reviews.len(), current.len());
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

    #[test]
    fn text_hash_ignores_spacing() {
        assert_eq!(text_hash("a  b\nc"), text_hash("a b c"));
        assert_ne!(text_hash("a b c"), text_hash("a b d"));
    }
}
