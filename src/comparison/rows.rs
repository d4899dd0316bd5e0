//! The rows of a pair of renderings: the alignment and the passes that correct it, and the
//! figure comparison of a row.

use crate::align::{self, Block, Moved, Row};
use crate::classify::ParagraphKind;
use crate::figures::compare::{self, Mismatch, SideFigures};
use crate::set::{ArticleSet, Document};
use crate::side::Side;

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
pub(super) fn compare_sides(
    left: (&Document, &[usize]),
    right: (&Document, &[usize]),
) -> Vec<Mismatch> {
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
pub(super) fn pair_chrome_with_body(set: &ArticleSet, rows: &mut Vec<Row>) {
    let is_chrome = |side: Side, paragraph: usize| {
        set.side(side).paragraphs[paragraph].kind == ParagraphKind::Boilerplate
    };
    let aligned = |row: Option<&Row>| row.is_none_or(|row| !row.is_unmatched());
    let mut old = std::mem::take(rows);
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
        rows.push(std::mem::take(&mut old[idx]));
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
pub(super) fn split_unrelated_pairs(set: &ArticleSet, rows: &mut Vec<Row>) {
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
pub(super) fn moved_rows(rows: &[Row], moved: &[Moved]) -> Vec<Option<usize>> {
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
