//! What the window and every export read of a comparison: findings of every kind, stats,
//! filters, moves and doubts.

use crate::classify::ParagraphKind;
use crate::figures::compare::Mismatch;
use crate::link::{FigureConflict, Link};
use crate::review::Status;
use crate::side::Side;

use super::{Comparison, Finding, RowFilter, Stats};

impl Comparison {
    /// The counts every view of the comparison shows.
    pub fn stats(&self) -> Stats {
        let mut stats = Stats {
            rows: self.rows.len(),
            figures: Side::BOTH
                .iter()
                .flat_map(|&side| &self.set.side(side).paragraphs)
                .map(|p| p.figures.len())
                .sum(),
            links: self.links.iter().map(Vec::len).sum(),
            ..Stats::default()
        };
        for row_idx in 0..self.rows.len() {
            let mut open = 0;
            for finding in self.findings(row_idx) {
                let accepted = self.is_accepted(row_idx, &finding);
                let (open_count, accepted_count) = match finding {
                    Finding::Conflict(..) => (&mut stats.conflicts, &mut stats.accepted_conflicts),
                    Finding::Mismatch(_) => (&mut stats.mismatches, &mut stats.accepted_mismatches),
                    Finding::Untranslated(_) => {
                        (&mut stats.untranslated, &mut stats.accepted_mismatches)
                    }
                };
                if accepted {
                    *accepted_count += 1;
                } else {
                    *open_count += 1;
                    open += 1;
                }
            }
            if open > 0 {
                stats.rows_with_findings += 1;
            }
            let review = &self.reviews[row_idx];
            let status_idx = Status::ALL
                .iter()
                .position(|s| *s == review.status)
                .unwrap_or(0);
            stats.statuses[status_idx] += 1;
            if !review.note.trim().is_empty() {
                stats.notes += 1;
            }
        }
        stats.accepted = stats.accepted_mismatches + stats.accepted_conflicts;
        for row in &self.rows {
            if row.is_unmatched() {
                stats.unmatched_paragraphs += row.left.len() + row.right.len();
            } else if row.is_merged() {
                stats.merged += 1;
            } else {
                stats.one_to_one += 1;
            }
        }
        stats
    }

    /// A row whose paragraphs are all boilerplate.
    pub fn is_boilerplate_row(&self, row_idx: usize) -> bool {
        let row = &self.rows[row_idx];
        Side::BOTH
            .iter()
            .flat_map(|&side| {
                let doc = self.set.side(side);
                row.side(side).iter().map(|&i| doc.paragraphs[i].kind)
            })
            .all(|kind| kind == ParagraphKind::Boilerplate)
    }

    /// The unit of a bilingual file that a row shows (by its left paragraph's unit id).
    pub fn unit_of_row(&self, row: usize) -> Option<&crate::set::Unit> {
        let given = self.set.given.as_ref()?;
        let &paragraph = self.rows[row].left.first()?;
        let id = self.set.left().paragraphs[paragraph].unit.as_deref()?;
        // Units are in the file's order, as the left paragraphs are.
        given
            .units
            .get(paragraph)
            .filter(|unit| unit.id == id)
            .or_else(|| given.units.iter().find(|unit| unit.id == id))
    }

    /// The id of the row's unit when the row is a unit of a bilingual file with no translation.
    pub fn untranslated_unit(&self, row: usize) -> Option<&str> {
        self.set.given.as_ref()?;
        let row = &self.rows[row];
        if self.set.is_locked(row) {
            return None;
        }
        if !row.right.is_empty() {
            return None;
        }
        let &[paragraph] = row.left.as_slice() else {
            return None;
        };
        self.set.left().paragraphs[paragraph].unit.as_deref()
    }

    /// Every finding of a row, accepted or not: an untranslated unit, its mismatches, then its
    /// coverage conflicts.
    pub fn findings(&self, row: usize) -> impl Iterator<Item = Finding<'_>> {
        let untranslated = self.untranslated_unit(row).map(Finding::Untranslated);
        let mismatches = untranslated
            .into_iter()
            .chain(self.mismatches[row].iter().map(Finding::Mismatch));
        let conflicts = self.links[row].iter().flat_map(|link| {
            link.figures_conflict
                .iter()
                .map(move |conflict| Finding::Conflict(link, conflict))
        });
        mismatches.chain(conflicts)
    }

    /// Whether the reviewer accepted a finding of a row.
    pub fn is_accepted(&self, row: usize, finding: &Finding<'_>) -> bool {
        self.reviews[row].is_accepted(&finding.key(&self.set))
    }

    /// The findings of a row that are not accepted.
    pub fn open_findings(&self, row: usize) -> impl Iterator<Item = Finding<'_>> {
        self.findings(row)
            .filter(move |finding| !self.is_accepted(row, finding))
    }

    /// Whether a row has a finding that is not accepted.
    pub fn has_open_findings(&self, row: usize) -> bool {
        self.open_findings(row).next().is_some()
    }

    /// The mismatches of a row that are not accepted.
    pub fn open_mismatches(&self, row: usize) -> impl Iterator<Item = &Mismatch> {
        self.open_findings(row).filter_map(|finding| match finding {
            Finding::Mismatch(mismatch) => Some(mismatch),
            Finding::Conflict(..) | Finding::Untranslated(_) => None,
        })
    }

    /// The coverage conflicts of a row that are not accepted.
    pub fn open_conflicts(&self, row: usize) -> impl Iterator<Item = (&Link, &FigureConflict)> {
        self.open_findings(row).filter_map(|finding| match finding {
            Finding::Mismatch(_) | Finding::Untranslated(_) => None,
            Finding::Conflict(link, conflict) => Some((link, conflict)),
        })
    }

    /// Rows with at least one open mismatch, ascending.
    pub fn mismatch_rows(&self) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&idx| self.has_open_translation_findings(idx))
            .collect()
    }

    /// The rows a reader steps through with "next finding", ascending: rows with an open
    /// finding of any kind (a figure mismatch, an untranslated unit, a coverage conflict), and
    /// rows of a paragraph without counterpart that carries figures (its figures are compared
    /// with nothing).
    pub fn finding_rows(&self) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&idx| self.has_open_findings(idx) || self.unmatched_with_figures(idx))
            .collect()
    }

    /// Whether a row is a paragraph (not boilerplate) with no counterpart, carrying figures.
    pub fn unmatched_with_figures(&self, row: usize) -> bool {
        let row = &self.rows[row];
        if !row.is_unmatched() || self.set.given.is_some() {
            return false;
        }
        Side::BOTH.iter().any(|&side| {
            let doc = self.set.side(side);
            row.side(side).iter().any(|&p| {
                let paragraph = &doc.paragraphs[p];
                paragraph.kind != ParagraphKind::Boilerplate && !paragraph.figures.is_empty()
            })
        })
    }

    /// Whether a row has an open finding about the translation (a figure mismatch or an
    /// untranslated unit; coverage conflicts are about sources).
    pub fn has_open_translation_findings(&self, row: usize) -> bool {
        self.open_findings(row)
            .any(|finding| !finding.is_conflict())
    }

    /// The rows that pass `filter`, ascending.
    pub fn rows_matching(&self, filter: &RowFilter) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&row| filter.keeps(self, row))
            .collect()
    }

    /// The row at the other end of this row's moved paragraph, if it is one.
    pub fn moved_partner(&self, row: usize) -> Option<usize> {
        self.moved_rows.get(row).copied().flatten()
    }

    /// A moved paragraph's other end and the words for the empty side of its row: "moved here
    /// from row 70" beside a translation that moved, "moved to row 24" beside its source.
    pub fn moved_note(&self, row: usize) -> Option<(usize, String)> {
        let partner = self.moved_partner(row)?;
        let note = if self.rows[row].left.is_empty() {
            format!("moved here from row {}", partner + 1)
        } else {
            format!("moved to row {}", partner + 1)
        };
        Some((partner, note))
    }
}

impl Comparison {
    /// A doubt that the two documents are renderings of one article, in words, or `None`:
    /// fewer than half the paragraphs of the longer one pair one to one with a paragraph of the
    /// other (a file aligned as it is given is not doubted).
    pub fn alignment_doubt(&self) -> Option<String> {
        if self.set.given.is_some() {
            return None;
        }
        let body = |side: Side| {
            self.set
                .side(side)
                .paragraphs
                .iter()
                .filter(|p| p.kind != ParagraphKind::Boilerplate)
                .count()
        };
        let longer = body(Side::Left).max(body(Side::Right));
        let one_to_one = self
            .rows
            .iter()
            .filter(|row| row.left.len() == 1 && row.right.len() == 1)
            .count();
        (longer >= 6 && one_to_one * 2 < longer).then(|| {
            format!(
                "These may not be renderings of the same article: only {one_to_one} of the {longer} paragraphs of the longer one pair one to one with a paragraph of the other."
            )
        })
    }
}
