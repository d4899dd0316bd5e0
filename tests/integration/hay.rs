//! The seed set, read from `seeds/`, and tools to edit it.

use std::path::{Path, PathBuf};

use parallel_reader::align::{Block, Row};
use parallel_reader::classify::{self, ParagraphKind};

pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// Write `folder/set.json` naming `left` and `right` (as they are: relative, absolute, or
/// reaching out of the folder) and return its path.
pub fn write_manifest(folder: &Path, left: &str, right: &str) -> PathBuf {
    let manifest = folder.join("set.json");
    let json = serde_json::json!({"left": {"path": left}, "right": {"path": right}});
    std::fs::write(&manifest, json.to_string()).unwrap();
    manifest
}

/// The folder of the test files (`tests/data`).
pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

pub fn seed_text(prefix: &str) -> String {
    let dir = seeds_dir();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .collect();
    entries.sort();
    std::fs::read_to_string(&entries[0]).unwrap()
}

/// A paragraph of an edited document: its text and the original paragraphs it came from.
#[derive(Clone, Debug)]
pub struct Piece {
    pub text: String,
    pub origins: Vec<usize>,
}

pub fn pieces(text: &str) -> Vec<Piece> {
    classify::split_paragraphs(text)
        .into_iter()
        .enumerate()
        .map(|(idx, text)| Piece {
            text,
            origins: vec![idx],
        })
        .collect()
}

/// Edits of one side; indices refer to the document as it is when the edit is applied.
pub enum Edit {
    Delete(usize),
    /// Merge a paragraph with the next one.
    Merge(usize),
    /// Split a paragraph at the sentence boundary nearest its middle.
    Split(usize),
    /// Move a paragraph from one position to another.
    Move(usize, usize),
}

pub fn apply(mut doc: Vec<Piece>, edits: &[Edit]) -> Vec<Piece> {
    for edit in edits {
        match *edit {
            Edit::Delete(idx) => {
                doc.remove(idx);
            }
            Edit::Merge(idx) => {
                let next = doc.remove(idx + 1);
                doc[idx].text = format!("{} {}", doc[idx].text, next.text);
                doc[idx].origins.extend(next.origins);
            }
            Edit::Split(idx) => {
                let text = doc[idx].text.clone();
                let middle = text.len() / 2;
                let cut = text
                    .match_indices(". ")
                    .map(|(pos, _)| pos + 1)
                    .min_by_key(|pos| pos.abs_diff(middle))
                    .expect("a sentence boundary");
                let (first, second) = text.split_at(cut);
                doc[idx].text = first.trim().to_owned();
                let second = Piece {
                    text: second.trim().to_owned(),
                    origins: doc[idx].origins.clone(),
                };
                doc.insert(idx + 1, second);
            }
            Edit::Move(from, to) => {
                let piece = doc.remove(from);
                doc.insert(to, piece);
            }
        }
    }
    doc
}

/// Align two edited documents (kinds classified per document, as the app does).
pub fn align_pieces(left: &[Piece], right: &[Piece]) -> Vec<Row> {
    align_pieces_with_moves(left, right).0
}

/// [`align_pieces`], and the paragraphs found moved, as `(left, right)`.
pub fn align_pieces_with_moves(left: &[Piece], right: &[Piece]) -> (Vec<Row>, Vec<(usize, usize)>) {
    let left_texts: Vec<&str> = left.iter().map(|p| p.text.as_str()).collect();
    let right_texts: Vec<&str> = right.iter().map(|p| p.text.as_str()).collect();
    let left_kinds: Vec<ParagraphKind> = classify::kinds(&left_texts);
    let right_kinds: Vec<ParagraphKind> = classify::kinds(&right_texts);
    let left_blocks: Vec<Block<'_>> = left_texts
        .iter()
        .zip(&left_kinds)
        .map(|(t, k)| Block::new(t, *k))
        .collect();
    let right_blocks: Vec<Block<'_>> = right_texts
        .iter()
        .zip(&right_kinds)
        .map(|(t, k)| Block::new(t, *k))
        .collect();
    let (rows, moved) = parallel_reader::align::align_with_moves(&left_blocks, &right_blocks);
    (rows, moved.into_iter().map(|m| (m.left, m.right)).collect())
}

/// Per-paragraph scoring of an alignment against the truth given by the pieces' origins:
/// a paragraph is right when the paragraphs in its row on the other side are exactly the
/// paragraphs that share an origin with it.
pub struct Score {
    pub left_right: usize,
    pub left_total: usize,
    pub right_right: usize,
    pub right_total: usize,
    pub errors: Vec<String>,
}

pub fn score(left: &[Piece], right: &[Piece], rows: &[Row]) -> Score {
    let truth = |a: &Piece, others: &[Piece]| -> Vec<usize> {
        others
            .iter()
            .enumerate()
            .filter(|(_, b)| b.origins.iter().any(|o| a.origins.contains(o)))
            .map(|(idx, _)| idx)
            .collect()
    };
    let mut result = Score {
        left_right: 0,
        left_total: left.len(),
        right_right: 0,
        right_total: right.len(),
        errors: Vec::new(),
    };
    for row in rows {
        for &l in &row.left {
            if truth(&left[l], right) == row.right {
                result.left_right += 1;
            } else {
                result.errors.push(format!(
                    "left {l} got {:?}, expected {:?}: {:.40}",
                    row.right,
                    truth(&left[l], right),
                    left[l].text
                ));
            }
        }
        for &r in &row.right {
            if truth(&right[r], left) == row.left {
                result.right_right += 1;
            } else {
                result.errors.push(format!(
                    "right {r} got {:?}, expected {:?}: {:.40}",
                    row.left,
                    truth(&right[r], left),
                    right[r].text
                ));
            }
        }
    }
    result
}
