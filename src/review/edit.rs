//! Manual alignment edits. Each keeps the rows in reading order, covering every paragraph
//! once, and returns the rows whose content changed (to compare and link again), or `None`
//! when the edit does not apply.

use super::RowReview;
use crate::row::Row;
use crate::side::{End, Neighbour, Side};

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
pub fn split(rows: &mut Vec<Row>, reviews: &mut Vec<RowReview>, idx: usize) -> Option<Vec<usize>> {
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

/// Detach the paragraph at `end` of `side` of row `idx` into a row of its own, before the row
/// (the first paragraph) or after it (the last).
pub fn detach(
    rows: &mut Vec<Row>,
    reviews: &mut Vec<RowReview>,
    idx: usize,
    side: Side,
    end: End,
) -> Option<Vec<usize>> {
    let row = rows.get_mut(idx)?;
    if !can_detach(row, side) {
        return None;
    }
    let paragraphs = row.side_mut(side);
    let paragraph = match end {
        End::First => paragraphs.remove(0),
        End::Last => paragraphs.pop()?,
    };
    let mut single = Row::default();
    single.side_mut(side).push(paragraph);
    let at = match end {
        End::First => idx,
        End::Last => idx + 1,
    };
    rows.insert(at, single);
    reviews.insert(at, RowReview::default());
    Some(vec![idx, idx + 1])
}

/// Whether a paragraph of `side` can be detached from `row`: the row keeps a paragraph.
pub fn can_detach(row: &Row, side: Side) -> bool {
    let here = row.side(side).len();
    let other = row.side(side.other()).len();
    here > 1 || (here == 1 && other > 0)
}

/// Attach row `idx` to its `neighbour`.
pub fn attach(
    rows: &mut Vec<Row>,
    reviews: &mut Vec<RowReview>,
    idx: usize,
    neighbour: Neighbour,
) -> Option<Vec<usize>> {
    match neighbour {
        Neighbour::Previous => merge_with_next(rows, reviews, idx.checked_sub(1)?),
        Neighbour::Next => merge_with_next(rows, reviews, idx),
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
            attach(&mut current, &mut reviews, 1, Neighbour::Next),
            Some(vec![1])
        );
        assert_eq!(
            current,
            rows(&[(&[0], &[0]), (&[1, 2], &[1]), (&[3], &[2])])
        );
        assert_eq!(reviews[1].note, "short line\ncheck the year");
        // Split it again: paired in order, the extra paragraph unmatched.
        assert_eq!(split(&mut current, &mut reviews, 1), Some(vec![1, 2]));
        assert_eq!(
            current,
            rows(&[(&[0], &[0]), (&[1], &[1]), (&[2], &[]), (&[3], &[2])])
        );
        // Detach the last left paragraph of a row into its own row.
        assert_eq!(
            merge_with_next(&mut current, &mut reviews, 2),
            Some(vec![2])
        );
        assert_eq!(
            current,
            rows(&[(&[0], &[0]), (&[1], &[1]), (&[2, 3], &[2])])
        );
        assert_eq!(
            detach(&mut current, &mut reviews, 2, Side::Left, End::First),
            Some(vec![2, 3])
        );
        assert_eq!(
            current,
            rows(&[(&[0], &[0]), (&[1], &[1]), (&[2], &[]), (&[3], &[2])])
        );
        // What does not apply is refused.
        assert_eq!(merge_with_next(&mut current, &mut reviews, 3), None);
        assert_eq!(split(&mut current, &mut reviews, 0), None);
        assert_eq!(
            detach(&mut current, &mut reviews, 2, Side::Left, End::First),
            None
        );
        assert_eq!(reviews.len(), current.len());
    }
}
