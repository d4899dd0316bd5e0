//! Alignment of the seed pair, and of perturbed variants where today's aligners fail.

use crate::hay::{Edit, align_pieces, apply, pieces, score, seed_text};

fn check(left_edits: &[Edit], right_edits: &[Edit]) {
    let left = apply(pieces(&seed_text("000")), left_edits);
    let right = apply(pieces(&seed_text("001")), right_edits);
    let rows = align_pieces(&left, &right);
    let result = score(&left, &right, &rows);
    assert!(
        result.errors.is_empty(),
        "{} of {} left and {} of {} right paragraphs right:\n{}",
        result.left_right,
        result.left_total,
        result.right_right,
        result.right_total,
        result.errors.join("\n")
    );
}

#[test]
fn seed_pair_is_129_one_to_one_rows() {
    let comparison =
        parallel_reader::comparison::Comparison::build(parallel_reader::set::bundled());
    assert_eq!(comparison.rows.len(), 129);
    for (idx, row) in comparison.rows.iter().enumerate() {
        assert_eq!(
            (row.left.as_slice(), row.right.as_slice()),
            (&[idx][..], &[idx][..])
        );
    }
}

/// The case measured against hunalign (125 of 129) and Gale–Church (113 of 129): Dutch 8, 44
/// and 51–56 deleted, Dutch 14+15 merged.
#[test]
fn deletions_and_a_merge_on_the_right() {
    let right = [
        Edit::Delete(56),
        Edit::Delete(55),
        Edit::Delete(54),
        Edit::Delete(53),
        Edit::Delete(52),
        Edit::Delete(51),
        Edit::Delete(44),
        Edit::Merge(14),
        Edit::Delete(8),
    ];
    check(&[], &right);
}

#[test]
fn deletions_on_the_left() {
    let left = [
        Edit::Delete(127),
        Edit::Delete(64),
        Edit::Delete(30),
        Edit::Delete(8),
    ];
    check(&left, &[]);
}

#[test]
fn dropped_boilerplate_blocks_on_both_sides() {
    // The whole advertising block after the article on the left, the teaser block in the
    // middle on the right.
    let left: Vec<Edit> = (112..129).rev().map(Edit::Delete).collect();
    let right: Vec<Edit> = (51..57).rev().map(Edit::Delete).collect();
    check(&left, &right);
}

#[test]
fn merges_on_both_sides() {
    check(
        &[Edit::Merge(72), Edit::Merge(20)],
        &[Edit::Merge(99), Edit::Merge(38)],
    );
}

#[test]
fn splits_on_both_sides() {
    check(
        &[Edit::Split(29), Edit::Split(7)],
        &[Edit::Split(111), Edit::Split(46)],
    );
}

#[test]
fn body_paragraphs_deleted_on_both_sides() {
    check(
        &[Edit::Delete(90), Edit::Delete(33)],
        &[Edit::Delete(79), Edit::Delete(12)],
    );
}

#[test]
fn everything_at_once() {
    let left = [
        Edit::Delete(100),
        Edit::Split(60),
        Edit::Merge(27),
        Edit::Delete(8),
    ];
    let right = [
        Edit::Delete(127),
        Edit::Merge(84),
        Edit::Delete(64),
        Edit::Split(40),
        Edit::Delete(44),
    ];
    check(&left, &right);
}

/// A moved paragraph cannot be aligned in reading order: it must show as unmatched on both
/// sides, and every other paragraph must stay with its own counterpart.
#[test]
fn a_moved_paragraph_is_unmatched_on_both_sides() {
    let left = pieces(&seed_text("000"));
    let right = apply(pieces(&seed_text("001")), &[Edit::Move(24, 70)]);
    let rows = align_pieces(&left, &right);
    let result = score(&left, &right, &rows);
    // Only the moved paragraph (left 24, right 70) may be wrong, and only by being unmatched.
    let moved_rows: Vec<_> = rows
        .iter()
        .filter(|r| r.left.contains(&24) || r.right.contains(&70))
        .collect();
    assert_eq!(moved_rows.len(), 2, "{moved_rows:?}");
    assert!(
        moved_rows.iter().all(|r| r.is_unmatched()),
        "{moved_rows:?}"
    );
    assert_eq!(result.left_right, 128, "{}", result.errors.join("\n"));
    assert_eq!(result.right_right, 128, "{}", result.errors.join("\n"));
}

/// Judged cases for moved paragraphs: a paragraph the translator moved is paired with its
/// counterpart; unmatched paragraphs of other articles reporting the same story (read: not
/// translations of each other) are not.
#[test]
fn moved_paragraphs_are_paired_and_other_articles_are_not() {
    let left = pieces(&seed_text("000"));
    let moved = |right: &[crate::hay::Piece]| crate::hay::align_pieces_with_moves(&left, right).1;
    // Moved by the translator: found, both ways (forward and back), with the right counterpart.
    for (from, to) in [(24, 70), (40, 2)] {
        let right = apply(pieces(&seed_text("001")), &[Edit::Move(from, to)]);
        let found = moved(&right);
        assert_eq!(found.len(), 1, "{from} → {to}: {found:?}");
        let (l, r) = found[0];
        assert!(right[r].origins.contains(&l), "{from} → {to}: {found:?}");
        assert_eq!(r, to);
    }
    // Nothing moved: nothing found.
    assert!(moved(&pieces(&seed_text("001"))).is_empty());
    // Other coverage of the story in German, Dutch and English: never a move.
    for other in ["002", "003", "004"] {
        assert_eq!(moved(&pieces(&seed_text(other))), [], "{other}");
    }
}
